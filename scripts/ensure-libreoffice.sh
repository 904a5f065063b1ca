#!/usr/bin/env bash
# Debian's LibreOffice Writer without a desktop, and poppler's pdftotext, for the tests that print the
# made documents to PDF the way a school would and read the text back.
set -euo pipefail
here="$(dirname "$0")"
bash "$here/ensure-debian-package.sh" soffice libreoffice-writer-nogui
bash "$here/ensure-debian-package.sh" pdftotext poppler-utils
