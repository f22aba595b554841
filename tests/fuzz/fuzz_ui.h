/* fuzz_ui.h - one input of the keystroke fuzzer, run the same way by the
 * libFuzzer harness (fuzz_input.c) and by tests/test_regress.c, which
 * replays every seed and every finding under `make check`.
 *
 * The browser runs as on a terminal: curses (newterm, keypad on) reads the
 * bytes from a pipe and writes to /dev/null, ui_take_keys does what they
 * say (ui/term_input.c, ui/input.c, the dispatcher), and the screen is
 * settled and drawn after each burst. An input is:
 *   byte 0    flags: 1 tmux-256color (X10 mouse reports; else
 *             xterm-256color, SGR), 2 --ascii, 4 --no-color, 8 --kiosk,
 *             16 end by a hang-up (else by Esc Esc Esc q q q)
 *   byte 1, 2 the screen's columns and rows, less one (1 to 256)
 *   the rest  bytes as typed, in bursts: F8 F8 ends a burst (the keys
 *             read so far are done and the screen drawn, as when a person
 *             pauses); F8 F7 C R resizes to 1 + 3C columns, 1 + 2R rows
 *             (up to 766x511: past the cap of ui/term_size.h).
 * Then the session must end as it should: after Esc Esc Esc q q q (each
 * a burst of its own) it has quit, whatever came before; or, the terminal
 * gone, the read says hang-up. */
#ifndef TEMM_FUZZ_UI_H
#define TEMM_FUZZ_UI_H

#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

enum fuzz_outcome fuzz_input_one(const struct report *r, const uint8_t *data, size_t size);

#endif
