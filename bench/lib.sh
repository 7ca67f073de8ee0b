# Shared by the bench scripts: source it after `cd` to the project's root.

bench_require_jar() {
    [ -f target/calsync.jar ] || { echo "Build the jar first: ./mvnw -Prun (then Ctrl+C)"; exit 1; }
}

# The tests' classes and their classpath, in $cp.
bench_classpath() {
    ./mvnw -q -o test-compile
    ./mvnw -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
    cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
}

# Starts the run command's jar on a fresh H2 database with demo data on the given port, waits until it is
# ready, and stops it (and forgets the database) when the script exits.
bench_start_calsync() {
    local port=$1
    bench_require_jar
    bench_data=$(mktemp -d)
    CALSYNC_DATA_DIR="$bench_data" CALSYNC_DEMO_DATA=true java -Xmx512m -jar target/calsync.jar --port "$port" \
        --nocluster > "$bench_data/calsync.log" 2>&1 &
    bench_app=$!
    trap bench_stop_calsync EXIT
    for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
}

bench_stop_calsync() {
    kill "$bench_app" 2>/dev/null || true
    wait "$bench_app" 2>/dev/null || true
    rm -rf "$bench_data"
}
