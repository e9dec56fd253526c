// Package intake takes the outcome workbooks partners return — untrusted
// files of any kind, under any name — and decides for each one whether it
// is accepted, rejected, superseded or a duplicate (folders are skipped),
// with the reasons.
//
// Every entry is read in isolation: what it is (a regular file, a folder,
// a link, a FIFO, a device) is found without blocking and only regular
// files are opened (package inputfile); its size is checked on disk before
// a byte is read; the workbook is parsed by outcome.Read under unzip, XML
// size and depth, row, column and expanded-text limits; a panic is
// recovered and a per-file deadline bounds the time, so one hostile or
// broken file costs a log line and never the batch. The accepted returns
// together are bounded too (Limits.MaxBatchText), so that the report made
// from them is. The log has exactly one entry per input path, because
// staff answer partners from it ("we did not get your return" must never
// be true of a file that was in the folder).
package intake
