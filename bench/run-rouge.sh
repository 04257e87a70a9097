#!/bin/sh
# `make bench` entry for the ROUGE evaluator: the fixture check (each of the
# 24 ROUGE-1.5.5 figures within 0.05 points) and the scoring time of the 100
# fixture clusters.  Both skip with a message when ../shared/data is absent.
set -e
sh bench/rouge-fixture.sh build/storyline ../shared/data
build/bench/rouge ../shared/data 9
