#!/usr/bin/env bash
# Debian's LibreOffice Writer without a desktop, for the tests that render the made documents.
exec bash "$(dirname "$0")/ensure-debian-package.sh" soffice libreoffice-writer-nogui
