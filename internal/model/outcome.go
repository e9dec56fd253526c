package model

// Outcome is one partner's return, as read back from an outcome workbook.
// Its keys are those of the field table in package outcome (the defined
// names, e.g. "op_sign_position", and the table names, e.g. "NextSteps"),
// so that this type does not spell any field a second time.
type Outcome struct {
	File            string // where it was read from, as given to the reader
	TemplateVersion string
	PackID          string
	Scalars         map[string]Value
	Tables          map[string][]Row
	// Where maps each defined name found to its cell, empty inputs included,
	// so that a missing required value can be reported where it belongs.
	Where map[string]string
}

// Row is one row of an outcome table, keyed by column key.
type Row map[string]Value

// Value is one cell as read back.
type Value struct {
	// Text is the canonical text: a code for a drop-down value that matched a
	// label of any language, YYYY-MM-DD for a date, decimal digits for a
	// whole number, the text as typed otherwise.
	Text string
	// Coded is true when Text is a stable code of the field's list. A
	// drop-down typed over with free text keeps the text with Coded false.
	Coded bool
	// Cell is where the value was read ("Event!C7").
	Cell string
}

// Scalar returns the canonical text of a scalar field, "" when absent.
func (o *Outcome) Scalar(name string) string { return o.Scalars[name].Text }
