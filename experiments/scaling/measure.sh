#!/usr/bin/env bash
# Measures the scale table of docs/scaling.md on this machine: each workload on the local engine, on Spark local[2]
# and on a standalone Spark cluster on loopback (a Master and a Worker with 2 cores started here from the project's
# own Spark jars, as LoopbackClusterTest does), with --engine-stats for the per-stage units, seconds and bytes.
#
#   [BUDGET=problem-steps] [GPS_ITERATIONS=n] [ONLY="gps es"] experiments/scaling/measure.sh OUT_DIR [quick]
#
# The trainers run at BUDGET problem-steps (default 720000, the bench's; CEM, which counts generations, at the same
# share of its file's 54 generations) and GPS for GPS_ITERATIONS of its 10
# iterations (default 2); ONLY names the workloads to run (default: all); 'quick' shrinks every workload so that the
# script can be checked in a few minutes. Writes OUT_DIR/wall.csv (workload,engine,seconds) and
# OUT_DIR/<workload>-<engine>.csv (the engine stats), and keeps the run folders under OUT_DIR/runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
quick="${2:-}"
l2o="$root/l2o"
cli="$root/modules/cli"

"$l2o" list >/dev/null  # builds if needed

seeds=$(seq -s, 1 100)
gps_iterations="${GPS_ITERATIONS:-2}"
budget="${BUDGET:-720000}"
if [ "$quick" = quick ]; then
  seeds=1,2,3
  gps_iterations=1
  budget=20000
fi

# workload name, then the l2o arguments (without --engine, --out, --engine-stats)
workloads=(
  "sweep-100-seeds|sweep li-malik-logreg --seeds $seeds --no-progress"
  "gps|train li-malik-logreg-gps --set iterations=$gps_iterations --no-progress"
  "es|train li-malik-logreg-es --set problemSteps=$budget --no-progress"
  "pes|train li-malik-logreg-pes --set problemSteps=$budget --no-progress"
  "cmaes|train li-malik-logreg-cmaes --set problemSteps=$budget --no-progress"
  "cem|train li-malik-logreg-cem --set generations=$(( budget * 54 / 720000 > 2 ? budget * 54 / 720000 : 2 )) --no-progress"
)
if [ "$quick" = quick ]; then
  workloads[1]="gps|train li-malik-logreg-gps --set iterations=1 --set conditions=6 --set profile=tiny --no-progress"
fi

cluster_dir="$out/cluster"
pids=()
stop_cluster() {
  for pid in "${pids[@]}"; do
    pkill -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
  done
}
trap stop_cluster EXIT

start_cluster() {
  mkdir -p "$cluster_dir/spark-home/jars" "$cluster_dir/work"
  # Spark's own jars only: the daemons then log at INFO (the lines awaited below), and an executor gets the
  # driver's class path from the spark engine (spark.executor.extraClassPath).
  local classpath
  classpath="$(tr ':' '\n' < "$root/modules/spark/target/runtime-classpath.txt" \
      | grep -v "/modules/[a-z0-9]*/target/" | paste -sd: -)"
  local opens
  read -r -a opens <<< "$(sed -n 's:.*<spark.opens.all>\(.*\)</spark.opens.all>.*:\1:p' "$root/pom.xml")"
  export SPARK_HOME="$cluster_dir/spark-home" SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13
  java -Xmx512m "${opens[@]}" -cp "$classpath" org.apache.spark.deploy.master.Master --host 127.0.0.1 \
      --port 0 --webui-port 0 > "$cluster_dir/master.log" 2>&1 &
  pids+=($!)
  until grep -q "I have been elected leader" "$cluster_dir/master.log"; do sleep 0.5; done
  port=$(sed -n 's|.*Starting Spark master at spark://127.0.0.1:\([0-9]*\).*|\1|p' "$cluster_dir/master.log" | head -1)
  java -Xmx512m "${opens[@]}" -cp "$classpath" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
      --cores 2 --memory 6g --webui-port 0 --work-dir "$cluster_dir/work" "spark://127.0.0.1:$port" \
      > "$cluster_dir/worker.log" 2>&1 &
  pids+=($!)
  until grep -q "Successfully registered with master" "$cluster_dir/worker.log"; do sleep 0.5; done
}

start_cluster
[ -f "$out/wall.csv" ] || echo "workload,engine,seconds" > "$out/wall.csv"
for entry in "${workloads[@]}"; do
  name="${entry%%|*}"
  if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then
    continue
  fi
  read -r -a args <<< "${entry#*|}"
  for engine in local local2 loopback; do
    case $engine in
      local) engine_args=() ;;
      local2) engine_args=(--engine spark --master 'local[2]') ;;
      loopback) engine_args=(--engine spark --master "spark://127.0.0.1:$port") ;;
    esac
    echo "== $name on $engine ($(date +%T), load $(cut -d' ' -f1 /proc/loadavg))" >&2
    started=$(date +%s%N)
    if ! L2O_JAVA_OPTS="-Dspark.driver.host=127.0.0.1 -Dspark.executor.memory=4g" "$l2o" "${args[@]}" \
        "${engine_args[@]}" --out "$out/runs/$engine" --engine-stats "$out/$name-$engine.csv" \
        > "$out/$name-$engine.log" 2>&1; then
      tail -n 3 "$out/$name-$engine.log" >&2
      echo "measure.sh: $name on $engine failed; its log is $out/$name-$engine.log" >&2
      exit 1
    fi
    ended=$(date +%s%N)
    awk -v n="$name" -v e="$engine" -v a="$started" -v b="$ended" 'BEGIN {printf "%s,%s,%.1f\n", n, e, (b - a) / 1e9}' \
        >> "$out/wall.csv"
  done
done
cat "$out/wall.csv"
