// Package assets embeds the binary resources every PDF needs: the Noto Sans
// TrueType fonts (regular, bold, italic, bold italic) with their SIL Open
// Font License, and the coalition logo. They are embedded so that opkit
// never reads system fonts or the network: the same binary gives the same
// PDF on every machine.
package assets
