// Package testtool finds the external programs the tests check outputs
// with (pdftotext, qpdf, soffice, Debian's python3 with openpyxl). A
// program that is missing skips the test on a workstation and fails it
// under CI (the CI environment variable set, as .ci/run does), so that a
// broken CI machine can never pass by skipping. Only tests import it.
package testtool
