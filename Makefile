# storyline build.
#
#   make            library (static + shared) and build/storyline
#   make example    set up, build and digest the bundled example (examples/)
#   make check      set up, build and run every test (unit, spec, sanitizers)
#   make asan       the test suite under AddressSanitizer + UBSan (build/asan/)
#   make fuzz       each libFuzzer target for a bounded time (clang)
#   make lint       clang-tidy over the sources
#   make bench      every benchmark in bench/ (figures go in BENCH.md)
#   make install PREFIX=/usr/local
#
# Dependencies are Debian packages; scripts/deps.sh installs the missing ones
# (or prints the exact apt-get command when not root).

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
B         ?= build
CC        ?= cc
OPT       ?= -O2
SAN       ?=

PKGS      := libutf8proc libxml-2.0 jansson
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null || echo -I/usr/include/libxml2)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lutf8proc -lxml2 -ljansson) -lglpk -lstemmer -lm

WARN      := -Wall -Wextra -pedantic -Wstrict-prototypes -Wshadow -Wmissing-prototypes \
             -Wno-unused-parameter
CFLAGS    ?= $(OPT) -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) $(SAN) \
             -fPIC -fvisibility=hidden -DSL_BUILDING -DSL_VERSION_STRING='"$(VERSION)"' \
             -Iinclude -Isrc -I$(B)/gen $(PKG_CFLAGS)
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

LIB_SRC   := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*' ! -path 'src/service/*'))
CLI_SRC   := $(sort $(wildcard src/cli/*.c))
LIB_OBJ   := $(LIB_SRC:%.c=$(B)/obj/%.o)
CLI_OBJ   := $(CLI_SRC:%.c=$(B)/obj/%.o)
# WordNet's irregular forms (ROUGE -m) come from Debian's wordnet-base at build time
GEN_WN    := $(B)/gen/data/rouge/wordnet_exceptions.txt
DATA      := $(sort $(wildcard data/*.txt data/*/*.txt)) $(GEN_WN)
GEN_INC   := $(B)/gen/sl_data.inc
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
BENCH_SRC := $(sort $(wildcard bench/*.c))
BENCH_BIN := $(BENCH_SRC:bench/%.c=$(B)/bench/%)
FUZZ_SRC  := $(sort $(wildcard fuzz/fuzz_*.c))

STATIC    := $(B)/libstoryline.a
SHARED    := $(B)/libstoryline.so.0
EXE       := $(B)/storyline

.PHONY: all deps example check test unit spec patho browser outputs asan fuzz fuzz-build lint bench install uninstall clean format
.DELETE_ON_ERROR:

all: $(EXE) $(STATIC) $(SHARED) $(B)/storyline.pc

# ---------------------------------------------------------------- set-up
$(B)/.deps: scripts/deps.sh
	@mkdir -p $(B)
	@sh scripts/deps.sh
	@touch $@

deps: $(B)/.deps

# ---------------------------------------------------------------- generated tables
$(B)/tools/datagen: tools/datagen.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O1 -o $@ $<

$(GEN_WN): scripts/gen-rouge-exceptions.sh | $(B)/.deps
	@mkdir -p $(dir $@)
	sh scripts/gen-rouge-exceptions.sh /usr/share/wordnet $@

$(GEN_INC): $(B)/tools/datagen $(DATA)
	@mkdir -p $(dir $@)
	$(B)/tools/datagen $@ $(DATA)

# ---------------------------------------------------------------- objects
$(B)/obj/%.o: %.c $(GEN_INC) | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

$(STATIC): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(SHARED): $(LIB_OBJ)
	$(CC) -shared -Wl,-soname,libstoryline.so.0 $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS)
	ln -sf libstoryline.so.0 $(B)/libstoryline.so

$(EXE): $(CLI_OBJ) $(STATIC)
	$(CC) $(ALL_LDFLAGS) -o $@ $(CLI_OBJ) $(STATIC) $(PKG_LIBS)

$(B)/storyline.pc: storyline.pc.in
	@mkdir -p $(B)
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' $< > $@

# ---------------------------------------------------------------- tests
$(B)/tests/test_%: tests/unit/test_%.c tests/unit/unit.h $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(STATIC) $(ALL_LDFLAGS) -lcmocka $(PKG_LIBS)

$(B)/tests/spec_runner: tests/spec_runner.c | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_DEFAULT_SOURCE $(WARN) -O1 -g $(SAN) -o $@ $<

# the JSON Schema subset validator (every digest JSON of the spec cases goes through it)
$(B)/tests/schema_check: tests/schema_check.c tests/schema_valid.c tests/schema_valid.h | $(B)/.deps
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -O1 -g $(SAN) $(PKG_CFLAGS) -o $@ tests/schema_check.c tests/schema_valid.c $(PKG_LIBS)

unit: $(UNIT_BIN)
	@sh tests/run_unit.sh $(B) $(UNIT_BIN)

spec: $(EXE) $(B)/tests/spec_runner $(B)/tests/schema_check
	@$(B)/tests/spec_runner --exe $(EXE) --root . --schema-check '$(B)/tests/schema_check docs/digest.schema.json' \
	    $(sort $(wildcard tests/spec/*.spec))

# the HTML report in a real browser (headless Chromium); skips with a message without one
browser: $(EXE)
	@sh tests/browser.sh $(EXE)

# terminals (colour, width, progress on a pseudo-terminal) and byte-identical reruns
outputs: $(EXE)
	@sh tests/outputs.sh $(EXE)

patho: $(EXE)
	@sh tests/pathological.sh $(EXE)

test: unit spec patho browser outputs

# The one command of the README: everything, then again under sanitizers.
check: deps
	$(MAKE) test
	$(MAKE) asan
	@echo "storyline: all tests passed"

asan: deps
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1 \
	$(MAKE) B=build/asan OPT=-O1 SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' test

# ---------------------------------------------------------------- fuzzing (clang + libFuzzer)
FUZZ_TIME ?= 20
fuzz-build: deps
	$(MAKE) B=build/fuzz CC=clang OPT='-O1' CFLAGS='-g -DSL_FUZZING' \
	    SAN='-fsanitize=fuzzer-no-link,address,undefined' build/fuzz/libstoryline.a
	@mkdir -p build/fuzz/bin
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); \
	  clang -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Isrc \
	    -o build/fuzz/bin/$$n $$f build/fuzz/libstoryline.a $(PKG_LIBS) || exit 1; done

fuzz: fuzz-build
	@for f in $(FUZZ_SRC); do n=$$(basename $$f .c); c=fuzz/corpus/$${n#fuzz_}; \
	  mkdir -p build/fuzz/corpus/$$n; echo "fuzz: $$n for $(FUZZ_TIME)s"; \
	  build/fuzz/bin/$$n -max_total_time=$(FUZZ_TIME) -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=0 build/fuzz/corpus/$$n $$( [ -d $$c ] && echo $$c ) 2>build/fuzz/$$n.log \
	    || { tail -50 build/fuzz/$$n.log; exit 1; }; done
	@echo "fuzz: all targets ran clean"

# ---------------------------------------------------------------- lint
lint: $(GEN_INC)
	clang-tidy --quiet $(LIB_SRC) $(CLI_SRC) -- -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -I$(B)/gen $(PKG_CFLAGS)

# ---------------------------------------------------------------- benchmarks
$(B)/bench/%: bench/%.c $(STATIC)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(STATIC) $(ALL_LDFLAGS) $(PKG_LIBS)

bench-build: $(EXE) $(BENCH_BIN)

bench: bench-build
	@for s in bench/run-*.sh; do sh $$s || exit 1; done

# ---------------------------------------------------------------- example
example: deps $(EXE)
	$(EXE) digest examples/

# ---------------------------------------------------------------- install
install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include \
	    $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(EXE) $(DESTDIR)$(PREFIX)/bin/storyline
	install -m 644 $(STATIC) $(DESTDIR)$(PREFIX)/lib/libstoryline.a
	install -m 755 $(SHARED) $(DESTDIR)$(PREFIX)/lib/libstoryline.so.0
	ln -sf libstoryline.so.0 $(DESTDIR)$(PREFIX)/lib/libstoryline.so
	install -m 644 include/storyline.h $(DESTDIR)$(PREFIX)/include/storyline.h
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' storyline.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc
	install -m 644 man/storyline.1 $(DESTDIR)$(PREFIX)/share/man/man1/storyline.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/storyline $(DESTDIR)$(PREFIX)/lib/libstoryline.* \
	    $(DESTDIR)$(PREFIX)/include/storyline.h $(DESTDIR)$(PREFIX)/lib/pkgconfig/storyline.pc \
	    $(DESTDIR)$(PREFIX)/share/man/man1/storyline.1

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) include/storyline.h

clean:
	rm -rf build
