#!/usr/bin/env bash
# Installs Debian's LibreOffice Writer (headless) and poppler-utils for the test that prints every kind
# of document to PDF the way a school would and reads the text back (test/documents/libreoffice.test.ts).
set -euo pipefail
if [ -x /usr/bin/soffice ] && [ -x /usr/bin/pdftotext ]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null
