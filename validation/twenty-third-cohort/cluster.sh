# Shell functions for a small standalone Flink 2.3 cluster built from Maven Central jars alone, as
# the README's "Running on a Flink cluster" and /work/shared/FLINK-NOTES.md describe it (the binary
# distribution's download site is not reachable here): lib/ from ~/.m2 (dist-pom.xml), Flink's
# own scripts replaced by `java -cp 'lib/*' <entry point>` with the memory arguments BashJavaUtils
# computes from conf/config.yaml, and `flink` by CliFrontend. Sourced by run.sh.
#   flink_home HOME [LIB]      HOME deleted and made anew: lib/ (a copy of LIB, or dist-pom.xml from ~/.m2,
#                              offline: drop -o below to download), conf/config.yaml (conf_set adds keys), log/
#   jm_start HOME [ENTRYPOINT ARGS...]  a JobManager (session cluster, or application cluster)
#   tm_start HOME              a TaskManager (its pid appended to HOME/tm.pids)
#   flink HOME ARGS...         bin/flink ARGS... (CliFrontend)
#   stop_all HOME              SIGKILL every process this file started for HOME
# By hand (HERE: this folder, for dist-pom.xml):
#   HERE=$PWD/validation/twenty-third-cohort; . "$HERE/cluster.sh"
#   flink_home /tmp/flink && jm_start /tmp/flink && tm_start /tmp/flink && await_tms /tmp/flink 1
#   flink /tmp/flink run -p 2 jobs/target/session-review-flink.jar review --sessions "$PWD/sample-data" --out /tmp/out --allow-demo-key
#   stop_all /tmp/flink          (the web UI: rest_url /tmp/flink)

JAVA_OPTS_ALL="--add-exports=java.base/sun.net.util=ALL-UNNAMED --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED --add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.text=ALL-UNNAMED --add-opens=java.base/java.time=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED"
ENTRY_SESSION=org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint
ENTRY_APPLICATION=org.apache.flink.container.entrypoint.StandaloneApplicationClusterEntryPoint

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# flink_home HOME [LIBDIR]: a fresh HOME with conf/config.yaml; lib/ is a copy of LIBDIR (or built)
flink_home() {
  h=$1
  rm -rf "$h"; mkdir -p "$h/conf" "$h/log" "$h/tmp" "$h/plugins"
  if [ -n "${2:-}" ]; then cp -r "$2" "$h/lib"; else
    mvn -B -o -q -f "${HERE:?HERE: the folder of cluster.sh}/dist-pom.xml" dependency:copy-dependencies -DoutputDirectory="$h/lib" -DincludeScope=runtime \
      > "$h/log/dist-pom.log" 2>&1 || { cat "$h/log/dist-pom.log" >&2; return 1; }
  fi
  port=$(free_port)
  echo "$port" > "$h/rest.port"
  cat > "$h/conf/config.yaml" <<YAML
jobmanager.rpc.address: localhost
jobmanager.rpc.port: $(free_port)
jobmanager.bind-host: localhost
jobmanager.memory.process.size: 1024m
taskmanager.host: localhost
taskmanager.bind-host: localhost
taskmanager.numberOfTaskSlots: 2
taskmanager.memory.process.size: 1280m
# README "Memory": the network options the test cluster uses
taskmanager.memory.network.min: 192m
taskmanager.memory.network.max: 192m
taskmanager.network.sort-shuffle.min-buffers: 128
taskmanager.memory.managed.fraction: 0.2
rest.address: localhost
rest.bind-address: localhost
rest.port: $port
parallelism.default: 1
heartbeat.interval: 2000
heartbeat.timeout: 20000
io.tmp.dirs: $h/tmp
blob.storage.directory: $h/blobs
web.tmpdir: $h/web
web.upload.dir: $h/web-upload
user.artifacts.base-dir: $h/artifacts
env.java.opts.all: $JAVA_OPTS_ALL
YAML
  cat > "$h/conf/log4j.properties" <<'L4J'
monitorInterval = 0
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = file
appender.file.type = File
appender.file.name = file
appender.file.fileName = ${sys:log.file}
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = %d{HH:mm:ss,SSS} %-5p %c{1} [%t] - %m%n
L4J
  : > "$h/pids"; : > "$h/tm.pids"
}

conf_set() { echo "$2: $3" >> "$1/conf/config.yaml"; }

# resource_params HOME JM|TM: line 1 JVM args, line 2 dynamic properties (as Flink's scripts)
resource_params() {
  java -Xmx128m -Dlog.file="$1/log/bju-$2.log" -Dlog4j.configurationFile="file:$1/conf/log4j.properties" \
    -cp "$1/lib/*" org.apache.flink.runtime.util.bash.BashJavaUtils "GET_$2_RESOURCE_PARAMS" --configDir "$1/conf" \
    | sed -n 's/^BASH_JAVA_UTILS_EXEC_RESULT://p'
}

# launch HOME NAME MAINCLASS JM|TM [ARGS...]
launch() {
  h=$1; name=$2; main=$3; kind=$4; shift 4
  params=$(resource_params "$h" "$kind")
  jvm=$(echo "$params" | sed -n 1p); dyn=$(echo "$params" | sed -n 2p)
  # shellcheck disable=SC2086
  (cd "$h" && FLINK_CONF_DIR="$h/conf" FLINK_LIB_DIR="$h/lib" FLINK_PLUGINS_DIR="$h/plugins" exec nice -n 10 java $jvm $JAVA_OPTS_ALL \
    -Djava.io.tmpdir="$h/tmp" -Dlog.file="$h/log/$name.log" -Dlog4j.configurationFile="file:$h/conf/log4j.properties" \
    -cp "$h/lib/*" "$main" --configDir "$h/conf" $dyn "$@" > "$h/log/$name.out" 2>&1) &
  echo $! >> "$h/pids"
  LAUNCHED=$!
}

jm_start() { h=$1; shift; entry=${1:-$ENTRY_SESSION}; [ $# -gt 0 ] && shift; launch "$h" jobmanager "$entry" JM "$@"; JM_PID=$LAUNCHED; }
tm_start() { n=$(wc -l < "$1/tm.pids"); launch "$1" "taskmanager-$n" org.apache.flink.runtime.taskexecutor.TaskManagerRunner TM; echo "$LAUNCHED" >> "$1/tm.pids"; }

rest_url() { echo "http://localhost:$(cat "$1/rest.port")"; }

# await_tms HOME N: wait (120 s) until the JobManager reports N TaskManagers with all their slots
await_tms() {
  python3 - "$(rest_url "$1")" "$2" <<'PY'
import json, sys, time, urllib.request
url, n = sys.argv[1], int(sys.argv[2])
end = time.time() + 120
while time.time() < end:
    try:
        o = json.load(urllib.request.urlopen(url + "/overview", timeout=5))
        if o["taskmanagers"] == n and o["slots-total"] == 2 * n:
            sys.exit(0)
    except Exception:
        pass
    time.sleep(0.5)
sys.exit("no %d TaskManagers after 120 s" % n)
PY
}

flink() {
  h=$1; shift
  # shellcheck disable=SC2086
  FLINK_CONF_DIR="$h/conf" FLINK_LIB_DIR="$h/lib" FLINK_PLUGINS_DIR="$h/plugins" java -Xmx512m $JAVA_OPTS_ALL \
    -Djava.io.tmpdir="$h/tmp" -Dlog.file="$h/log/client.log" -Dlog4j.configurationFile="file:$h/conf/log4j.properties" \
    -cp "$h/lib/*" org.apache.flink.client.cli.CliFrontend "$@"
}

stop_all() {
  [ -f "$1/pids" ] || return 0
  for p in $(cat "$1/pids"); do kill -9 "$p" 2>/dev/null || true; done
  for p in $(cat "$1/pids"); do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done
  : > "$1/pids"
}
