// Package questionnaire is the country questionnaire: a workbook in the
// partner's language that holds every key of countries/CC.toml, for partners
// who never touch TOML, and the importer that turns a filled one back into a
// country file.
//
// One field table (Sections and Tables in schema.go) drives the writer, the
// reader and the TOML it writes, and names for each key the model field it
// fills; TestFieldTableCoversModel walks model.Country against it, so a key
// added to the model cannot be forgotten here.
//
// The workbook follows the outcome workbook's discipline: every scalar is a
// workbook-scoped defined name (q_<table>_<key>), every list an Excel table
// found by name, drop-downs show labels of the workbook's language and any
// language's label (or the code) is read back. It is read by package
// outcome's bounded reader (outcome.ReadSchema), under the limits returned
// workbooks are read with, because it comes back from outside.
//
// Import does not validate values itself beyond what a cell can hold
// (a label, a date, a number): it writes the TOML and lets the workspace
// loader judge it, then reports the loader's findings at the cells the
// offending lines came from. So check and import can never disagree.
//
// Words come from the i18n catalogue (group "questionnaire"). The English
// help of a key is the comment opkit init's starter writes above it
// (marked @starter in the catalogue), the one source for both; the other
// languages translate it.
package questionnaire
