/* help.h - the help screen: every action and its keys as bound, grouped,
 * from the action list, and what counts do, from its count column. */
#ifndef TEMM_HELP_H
#define TEMM_HELP_H

struct app;
struct doc;
struct pages;

struct doc *page_help(const struct pages *p);
struct doc *help_build(struct app *a);

#endif
