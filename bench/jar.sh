# Sourced by the bench scripts: sets root, jar (JAR overrides it) and java (JAVA overrides it), and
# stops with status 2 when the jar has not been built. $1 names the calling script in the message.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="${JAR:-$root/examples/target/tapegrad-examples.jar}"
java="${JAVA:-java}"
if [[ ! -f "$jar" ]]; then
    echo "$1: $jar is missing; build it first: (cd $root && mvn -B -q package -DskipTests)" >&2
    exit 2
fi
