/*
 * schema_valid.h: the JSON Schema subset validator of the tests (see
 * schema_valid.c for the keywords it knows).
 */
#ifndef SL_TESTS_SCHEMA_VALID_H
#define SL_TESTS_SCHEMA_VALID_H

#include <jansson.h>
#include <stddef.h>

/* Validates inst against schema (whose "#/..." references resolve in it).
 * Returns the number of violations; the first is described in err. */
int sv_validate(json_t *schema, const json_t *inst, char *err, size_t errcap);

/* Loads the schema file and validates the JSON text.  Returns the number of
 * violations, or -1 when the schema or the text is not JSON (err says). */
int sv_validate_text(const char *schema_path, const char *text, size_t len, char *err,
                     size_t errcap);

#endif
