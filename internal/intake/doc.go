// Package intake takes the outcome workbooks partners return — untrusted
// files of any kind, under any name — and decides for each one whether it
// is accepted, rejected, superseded or a duplicate, with the reasons.
//
// Every file is read in isolation: its size is checked on disk before a
// byte is read, the workbook is parsed by outcome.Read under unzip, XML,
// row and column limits, a panic is recovered and a per-file deadline
// bounds the time, so one hostile or broken file costs a log line and
// never the batch. The log has exactly one entry per input path, because
// staff answer partners from it ("we did not get your return" must never
// be true of a file that was in the folder).
package intake
