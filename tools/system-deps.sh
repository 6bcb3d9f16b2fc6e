#!/usr/bin/env bash
# System packages laa-review uses. Installed with apt where we are root and they are missing;
# otherwise say what to install and carry on (the review degrades plainly without them).
set -u
need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr tesseract-ocr-eng)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
python3 -c "import venv, ensurepip" >/dev/null 2>&1 || need+=(python3-venv)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || echo "warning: could not install ${need[*]}; OCR and browser checks will be skipped" >&2
else
  echo "note: please install ${need[*]} (e.g. sudo apt-get install ${need[*]}) for OCR and browser checks" >&2
fi
exit 0
