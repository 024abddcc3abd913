/* A security label provider for tests: accepts any label. */
#include "postgres.h"
#include "fmgr.h"
#include "commands/seclabel.h"

PG_MODULE_MAGIC;

void _PG_init(void);

static void
accept_any_label(const ObjectAddress *object, const char *label)
{
}

void
_PG_init(void)
{
	register_label_provider("pgflux", accept_any_label);
}
