# Sourced by the other scripts: make sure Maven runs on a JDK 21 or newer (Helidon 4 needs it).
# Keeps a JAVA_HOME that is already 21+, else picks the newest JDK under /usr/lib/jvm.

java_major() {
    "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | cut -d. -f1
}

if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
    for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
                     $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
        candidate=${candidate%/}
        if [ -x "$candidate/bin/java" ] && [ "$(java_major "$candidate")" -ge 21 ]; then
            export JAVA_HOME="$candidate"
            break
        fi
    done
fi
if [ -z "${JAVA_HOME:-}" ] || [ "$(java_major "$JAVA_HOME")" -lt 21 ]; then
    echo "error: BioDID needs JDK 21 or newer; set JAVA_HOME to one (found: ${JAVA_HOME:-none})" >&2
    exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"
