/* report_small.c - the small second report of the pictures' tests. */
#include "report_small.h"
#include "testutil.h"

#include <locale.h>
#include <stdlib.h>

struct report *small;

static const char *const yaml =
	"report:\n"
	"  title: A review of river cooperation\n"
	"sections:\n"
	"  - {title: \"1. Four periods\", id: p, paragraphs: [\"The cooperation went through four "
	"periods, with a pause of two years.\"]}\n"
	"  - {title: \"2. Work\", id: w}\n"
	"  - {title: \"2.3 Seven fields\", id: f, parent: w}\n"
	"  - {title: \"a) Floods\", id: f1, parent: f, paragraphs: [\"Three flood drills.\"]}\n"
	"  - {title: \"b) Fish\", id: f2, parent: f}\n"
	"  - {title: \"c) Silt\", id: f3, parent: f}\n"
	"  - {title: \"d) Banks\", id: f4, parent: f}\n"
	"  - {title: \"e) Wetlands and their birds\", id: f5, parent: f}\n"
	"  - {title: \"f) Ports\", id: f6, parent: f}\n"
	"  - {title: \"g) Data\", id: f7, parent: f}\n"
	"stages:\n"
	"  - {id: s1, number: 1, title: Talks Period, name: Talks, from: 1981, to: 1983, section: p,\n"
	"     counts: [{n: 2, of: fields}],\n"
	"     priorities: [{text: flood warnings, area: floods}, {text: a shared map}]}\n"
	"  - {id: s2, number: 2, title: Building Period, name: Building, from: 1984, to: 1990, section: p,\n"
	"     priorities: [{text: Floods and Dykes, area: floods}, {text: Fish Stocks, area: fish},\n"
	"                  {text: River Banks, area: banks}]}\n"
	"  - {id: s3, number: 3, title: Long Middle Period, name: Long Middle, from: 1993, to: 2005,\n"
	"     section: p, priorities: [{text: Wetlands, area: wetlands}, {text: Ports and Silt, area: silt},\n"
	"     {text: Ports and Silt, area: ports}]}\n"
	"  - {id: s4, number: 4, title: Open Period, name: Open, from: 2006, to: 2008, section: p,\n"
	"     priorities: [{text: Data for all, area: data}, {text: Fish, area: fish}]}\n"
	"areas:\n"
	"  - {id: floods, number: 1, title: Floods, section: f1, counts: [{n: 3, of: flood drills}]}\n"
	"  - {id: fish, number: 2, title: Fish, section: f2}\n"
	"  - {id: silt, number: 3, title: Silt, section: f3}\n"
	"  - {id: banks, number: 4, title: Banks, section: f4}\n"
	"  - {id: wetlands, number: 5, title: Wetlands and their birds, section: f5}\n"
	"  - {id: ports, number: 6, title: Ports, section: f6}\n"
	"  - {id: data, number: 7, title: Data, section: f7}\n"
	"activities:\n"
	"  - {id: drills, title: flood drills, kind: training, area: floods, section: f1,\n"
	"     counts: [{n: 3, of: drills, words: three drills}]}\n"
	"  - {id: gauges, title: river gauges, kind: network, area: floods, section: f1}\n"
	"  - {id: warn, title: warning line, kind: hotline, area: floods, section: f1}\n"
	"  - {id: counts, title: fish counts, kind: research, area: fish, section: f2,\n"
	"     counts: [{n: 40, of: counts}]}\n"
	"  - {id: ladders, title: fish ladders, kind: other, area: fish, section: f2}\n"
	"  - {id: birds, title: bird census, kind: research, area: wetlands, section: f5,\n"
	"     counts: [{n: 12, of: censuses}, {n: 7, of: lakes}]}\n"
	"  - {id: portal, title: data portal, kind: platform, area: data, section: f7}\n"
	"  - {id: stats, title: yearly statistics, kind: publication, area: data, section: f7}\n"
	"  - {id: maps, title: open maps, kind: publication, area: data, section: f7}\n"
	"  - {id: api, title: data service, kind: platform, area: data, section: f7}\n"
	"events:\n"
	"  - {id: e0, year: 1979, title: a first letter between the two ministries, section: p}\n"
	"  - {id: e1, year: 1981, month: 3, title: the talks began in a river town, section: p,\n"
	"     short: talks began}\n"
	"  - {id: e2, year: 1983, title: the talks ended, section: p}\n"
	"  - {id: e3, year: 1984, month: 1, title: building began, section: p}\n"
	"  - {id: e4, year: 1990, month: 12, title: the last dyke was closed, section: p}\n"
	"  - {id: e5, year: 1991, title: a pause of two years, section: p}\n"
	"  - {id: e6, year: 1993, title: the long middle period began, section: p}\n"
	"  - {id: e7, year: 2005, month: 7, title: the wetlands were listed, section: f5}\n"
	"  - {id: e8, year: 2006, title: the data were opened, section: f7}\n"
	"  - {id: e9, year: 2008, month: 11, title: the review was written, section: p}\n";

struct report *small_report_load(void)
{
	struct diag d;
	struct report *r = tu_load_one(yaml, &d);
	if (!r) {
		char *t = tu_diag_text(&d);
		fail_msg("the small report does not load:\n%s", t);
		free(t);
	}
	diag_free(&d);
	assert_int_equal(r->stages_count, SMALL_STAGES);
	assert_int_equal(r->areas_count, SMALL_AREAS);
	return r;
}

int small_report_setup(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C.UTF-8");
	small = small_report_load();
	return 0;
}

int small_report_teardown(void **state)
{
	(void)state;
	report_free(small);
	small = NULL;
	tu_bundled_free();
	return 0;
}
