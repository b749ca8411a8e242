#!/usr/bin/env bash
# Checks that the JIT compiles every Vector API call of the vector kernels to vector instructions.
# A call the JIT cannot intrinsify runs the Vector API's Java fallback (objects, boxing) instead, and
# it does so silently: the results stay right, only much slower. Which calls fail can change from run
# to run (it depends on the profile and inlining budget at compile time), so the workloads run
# several times with HotSpot's PrintInlining on the kernel classes, and every "failed to inline
# (intrinsic)" line is reported.
#
#   bench/check-intrinsics.sh             # after: mvn -B -q package -DskipTests
#   JAVA=/path/to/java RUNS=10 JAR=/path/to/tapegrad-examples.jar bench/check-intrinsics.sh
#
# Exit status: 0 when no run printed a failure, 1 when one did, 2 when it could not run.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/jar.sh" check-intrinsics
runs="${RUNS:-5}"

kernels=(VectorGemm VectorPack VectorLanewise)
options=(--add-modules jdk.incubator.vector -XX:+UnlockDiagnosticVMOptions -XX:CompileCommand=quiet)
for k in "${kernels[@]}"; do
    options+=("-XX:CompileCommand=option,dev.tapegrad.autograd.kernel.$k::*,PrintInlining")
done

# Each workload in a JVM of its own: what the JIT compiles, and what it fails to, depends on the
# profile the first workload leaves (the wide MLP alone can leave calls to the fallback that a run
# starting with the 1024 product does not).
workloads=(wide-mlp-1t wide-mlp-2t matmul-1024-1t hvp-wide-mlp)
echo "java: $("$java" -version 2>&1 | head -1); $runs runs of ${workloads[*]}, each in its own JVM"
bad=0
for ((r = 1; r <= runs; r++)); do
    for w in "${workloads[@]}"; do
        out="$("$java" "${options[@]}" -jar "$jar" bench --only "$w" 2>&1)"
        if ! grep -q "^$w " <<< "$out"; then
            echo "check-intrinsics: run $r of $w did not finish:" >&2
            tail -5 <<< "$out" >&2
            exit 2
        fi
        failed="$(grep -c 'failed to inline.*(intrinsic)' <<< "$out" || true)"
        echo "run $r, $w: $failed Vector API calls left to the Java fallback"
        if [[ "$failed" != 0 ]]; then
            bad=1
            grep 'failed to inline.*(intrinsic)' <<< "$out" | sed 's/^ *@ [0-9]* *//' | sort | uniq -c | sed 's/^/    /'
        fi
    done
done
exit "$bad"
