# Sourced by the bench scripts: apt_install PACKAGE... installs Debian packages a benchmark needs, as root or through
# sudo, and stops the script with a plain sentence when neither is possible.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "'$*' is missing and this user cannot install it: run as root or install it." >&2; exit 1
    fi
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
