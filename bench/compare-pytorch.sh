#!/usr/bin/env bash
# Tapegrad's bench beside PyTorch and NumPy in one run, on this machine: the seed step (nn + optim),
# the wide MLP (784-256-256-10, batch 128, float64) on one thread, and a 1024 x 1024 float64 matrix
# product on one thread through NumPy's BLAS. Prints each pair with its ratio and the CPU model.
#
#   bench/compare-pytorch.sh            # after: mvn -B -q package -DskipTests
#   JAVA=/path/to/java bench/compare-pytorch.sh
#   PYTHON=/path/to/python3 bench/compare-pytorch.sh
#
# Ratios are Tapegrad's speed over the reference's: above 1 means Tapegrad is faster. Every figure
# is a median of samples timed by the measuring thread's CPU clock, so a busy machine disturbs it
# less than wall time would; run it on a quiet machine all the same.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/jar.sh" compare-pytorch
python="${PYTHON:-/usr/bin/python3}"

if ! "$python" -c 'import torch, numpy' 2>/dev/null; then
    echo "compare-pytorch: $python lacks PyTorch or NumPy. On Debian or Ubuntu:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y python3-torch python3-numpy libopenblas0-pthread" >&2
    echo "(or point PYTHON at an interpreter that has both)" >&2
    exit 2
fi

cpu="$(lscpu 2>/dev/null | sed -n 's/^Model name: *//p' | head -1)"
[[ -n "$cpu" ]] || cpu="$(sed -n 's/^model name[[:space:]]*: *//p' /proc/cpuinfo 2>/dev/null | head -1)"
cores="$(nproc 2>/dev/null || echo '?')"
echo "CPU: ${cpu:-unknown} ($cores logical CPUs); load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
echo "date: $(date -u +%Y-%m-%d)  java: $("$java" -version 2>&1 | head -1)"

# NumPy alone without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, which some machines set to work around
# other problems: OpenBLAS then picks its kernel from the CPU, as a user's NumPy would.
py_out="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 \
    "$python" "$root/bench/compare_pytorch.py")"
# bench's notes go to standard error: kept, since one may say that a figure timed the kernel.
notes="$(mktemp)"
trap 'rm -f "$notes"' EXIT
tg_out="$("$java" --add-modules jdk.incubator.vector -jar "$jar" bench --clock cpu \
    --only seed-step,matmul-1024-1t,wide-mlp-1t,hessian-seed-net 2>"$notes")"
tg_notes="$(grep '^note: while ' "$notes" || true)"
# NumPy asks the kernel for transparent huge pages for its large arrays (madvise), so OpenBLAS's
# 1024 x 1024 product reads them with few TLB misses; the JVM asks for them for its heap only with
# -XX:+UseTransparentHugePages. The large workloads run again with it, where the kernel offers them.
thp_mode="$(sed -n 's/.*\[\(.*\)\].*/\1/p' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || true)"
tg_thp=""
thp_notes=""
if [[ "$thp_mode" == always || "$thp_mode" == madvise ]]; then
    tg_thp="$("$java" --add-modules jdk.incubator.vector -XX:+UseTransparentHugePages -jar "$jar" bench --clock cpu \
        --only matmul-1024-1t,wide-mlp-1t 2>"$notes")"
    thp_notes="$(grep '^note: while ' "$notes" || true)"
fi

suspect() { # suspect NAME NOTES: "refuse" where bench said NAME's figure timed the kernel
    grep -q "^note: while $1 was measured" <<< "$2" && echo refuse || true
}
value() { # value NAME TEXT: the median printed for NAME
    awk -v n="$1" '$1 == n { print $2 }' <<< "$2"
}
echo "$py_out" | sed -n 's/^INFO /  /p'

np_gflops="$(value numpy-matmul-1024-1t "$py_out")"
blas="$(sed -n 's/^INFO numpy [^ ]* blas //p' <<< "$py_out")"
reference_blas=0
# Debian's NumPy without libopenblas0-pthread runs on the reference BLAS, at a few GFLOP/s: no
# ratio against that means anything.
if ! grep -qiE 'openblas|mkl|blis|accelerate' <<< "$blas" \
        || awk -v g="$np_gflops" 'BEGIN { exit !(g < 15) }'; then
    reference_blas=1
fi

printf '\n%-16s %16s %26s %9s\n' workload Tapegrad reference ratio
row() { # row NAME TAPEGRAD UNIT REFERENCE-LABEL REFERENCE HIGHER-IS-BETTER
    local ratio
    if [[ "$6" == 1 ]]; then ratio="$(awk -v a="$2" -v b="$5" 'BEGIN { printf "%.2fx", a / b }')"
    else ratio="$(awk -v a="$2" -v b="$5" 'BEGIN { printf "%.2fx", b / a }')"; fi
    [[ "${7:-}" == refuse || -z "$2" || -z "$5" ]] && ratio="n/a"
    printf '%-16s %16s %26s %9s\n' "$1" "$2 $3" "$4 $5 $3" "$ratio"
}
row seed-step "$(value seed-step "$tg_out")" us "PyTorch nn+optim" "$(value torch-seed-step "$py_out")" 0 \
    "$(suspect seed-step "$tg_notes")"
row wide-mlp-1t "$(value wide-mlp-1t "$tg_out")" ms "PyTorch" "$(value torch-wide-mlp-1t "$py_out")" 0 \
    "$(suspect wide-mlp-1t "$tg_notes")"
if [[ -n "$tg_thp" ]]; then
    row "wide-mlp-1t THP" "$(value wide-mlp-1t "$tg_thp")" ms "PyTorch" "$(value torch-wide-mlp-1t "$py_out")" 0 \
        "$(suspect wide-mlp-1t "$thp_notes")"
fi
row hessian-seed-net "$(value hessian-seed-net "$tg_out")" us "PyTorch hessian" \
    "$(value torch-hessian-seed-net "$py_out")" 0 "$(suspect hessian-seed-net "$tg_notes")"
row hessian-vectorized "$(value hessian-seed-net "$tg_out")" us "PyTorch vectorize=True" \
    "$(value torch-hessian-seed-net-vectorized "$py_out")" 0 "$(suspect hessian-seed-net "$tg_notes")"
if [[ $reference_blas == 1 ]]; then
    row matmul-1024-1t "$(value matmul-1024-1t "$tg_out")" GFLOP/s "NumPy" "$np_gflops" 1 refuse
    echo
    echo "NumPy runs on the reference BLAS here ($blas, $np_gflops GFLOP/s): no ratio is reported against it."
    echo "Install an optimised BLAS: sudo apt-get install -y libopenblas0-pthread"
else
    row matmul-1024-1t "$(value matmul-1024-1t "$tg_out")" GFLOP/s "NumPy" "$np_gflops" 1 \
        "$(suspect matmul-1024-1t "$tg_notes")"
    if [[ -n "$tg_thp" ]]; then
        row "matmul-1024 THP" "$(value matmul-1024-1t "$tg_thp")" GFLOP/s "NumPy" "$np_gflops" 1 \
            "$(suspect matmul-1024-1t "$thp_notes")"
    fi
fi
if [[ -n "$tg_notes$thp_notes" ]]; then
    echo
    echo "No ratio (n/a) where bench found the figure timed the operating system's kernel:"
    { [[ -z "$tg_notes" ]] || echo "$tg_notes"; [[ -z "$thp_notes" ]] || sed 's/^/(THP run) /' <<< "$thp_notes"; } \
        | fold -s -w 100 | sed 's/^/  /'
fi
echo
echo "Ratios: Tapegrad's speed over the reference's (above 1: Tapegrad is faster). One thread each, CPU clock."
if [[ -n "$tg_thp" ]]; then
    echo "THP rows: the same jar run with java -XX:+UseTransparentHugePages (transparent huge pages: $thp_mode),"
    echo "as NumPy's arrays get them by default."
else
    echo "Transparent huge pages are off here (${thp_mode:-not reported}): no THP rows."
fi
