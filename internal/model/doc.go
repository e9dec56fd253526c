// Package model holds opkit's domain types: the campaign, its Steering
// Committee, the countries with their events, cases and context, and the
// outcome a partner returns after its event. It does no I/O; loading and
// validation live in package workspace, writing and reading workbooks in
// package outcome.
package model
