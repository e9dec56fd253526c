package outcome

import "strings"

// sheetTitles localises the sheet names partners see. The reader never
// depends on them; only the diagnostics show them.
var sheetTitles = map[string]L{
	SheetInstructions: {"Instructions", "Instructions", "Instrucciones"},
	SheetEvent:        {"Event", "Événement", "Evento"},
	SheetLists:        {"Lists", "Lists", "Lists"},
	SheetMeta:         {"Meta", "Meta", "Meta"},
}

// SheetName returns the sheet's name in a workbook written in lang. Table
// sheets are named after the table's title.
func SheetName(key, lang string) string {
	if t, ok := sheetTitles[key]; ok {
		return t.In(lang)
	}
	if t := TableByName(key); t != nil {
		return t.Title.In(lang)
	}
	return key
}

// Interface texts of the workbook.
var (
	txtTitle = L{"Outcome of the national event: %s", "Résultat de l'événement national : %s", "Resultado del evento nacional: %s"}
	txtFill  = L{"Fill in the yellow cells. Fields marked * are required.",
		"Remplissez les cellules jaunes. Les champs marqués * sont obligatoires.",
		"Complete las celdas amarillas. Los campos marcados con * son obligatorios."}
	txtTableFill = L{"Write one item per row. To add rows, type in the first empty row below the table.",
		"Une entrée par ligne. Pour ajouter des lignes, écrivez dans la première ligne vide sous le tableau.",
		"Una entrada por fila. Para añadir filas, escriba en la primera fila vacía debajo de la tabla."}
	txtInvalidChoice = L{"Please choose a value from the list.", "Veuillez choisir une valeur dans la liste.", "Elija un valor de la lista."}
	txtInvalidDate   = L{"Please enter a date between 2000-01-01 and 2099-12-31, e.g. 2027-08-05.",
		"Veuillez saisir une date entre le 2000-01-01 et le 2099-12-31, par ex. 2027-08-05.",
		"Introduzca una fecha entre 2000-01-01 y 2099-12-31, p. ej. 2027-08-05."}
	txtInvalidInt = L{"Please enter a whole number between %d and %d.", "Veuillez saisir un nombre entier entre %d et %d.",
		"Introduzca un número entero entre %d y %d."}
	txtInvalidLen = L{"Please keep this to at most %d characters.", "Veuillez ne pas dépasser %d caractères.",
		"No supere los %d caracteres."}
	txtInvalidEmail = L{"Please enter an e-mail address, e.g. name@example.org.",
		"Veuillez saisir une adresse électronique, par ex. nom@example.org.",
		"Introduzca una dirección de correo, p. ej. nombre@example.org."}
	txtCaseOther = L{"This case is not in the briefing. Keep it anyway?", "Ce cas ne figure pas dans le dossier. Le garder quand même ?",
		"Este caso no figura en el dosier. ¿Conservarlo de todos modos?"}
	txtErrorTitle = L{"Check the value", "Vérifiez la valeur", "Compruebe el valor"}
	txtDocTitle   = L{"Outcome workbook: %s", "Classeur des résultats : %s", "Libro de resultados: %s"}
	txtSubject    = L{"Optional Protocol to the ICESCR: outcome of the national event",
		"Protocole facultatif au PIDESC : résultat de l'événement national",
		"Protocolo Facultativo del PIDESC: resultado del evento nacional"}
	txtPackID = L{"Workbook reference: %s (template %s)", "Référence du classeur : %s (modèle %s)", "Referencia del libro: %s (plantilla %s)"}
)

// instructions returns the paragraphs of the instructions sheet.
func instructions(lang, country, coalition, contact string) []string {
	tables := make([]string, len(Tables))
	for i, t := range Tables {
		tables[i] = "«" + t.Title.In(lang) + "»"
		if lang == "en" {
			tables[i] = "\"" + t.Title.In(lang) + "\""
		}
	}
	event := SheetName(SheetEvent, lang)
	// The sharing choices are named as the drop-down shows them.
	sharing := func(code string) string { return OptionLabel(FieldByName(Sharing).Options, code, lang) }
	public, coalitionOnly, anonymised := sharing(SharingPublic), sharing(SharingCoalitionOnly), sharing(SharingAnonymised)
	var p []string
	switch lang {
	case "fr":
		p = []string{
			"Ce classeur recueille le résultat de l'événement national sur le Protocole facultatif se rapportant au Pacte international relatif aux droits économiques, sociaux et culturels (pays : " + country + "). " + coalition + " réunit les résultats de tous les pays dans un rapport commun présenté à New York.",
			"1. Sur la feuille « " + event + " », remplissez les cellules jaunes : l'événement, l'autorité nationale, la position du gouvernement sur la signature et la ratification, le suivi et vos coordonnées. Les champs marqués * sont obligatoires.",
			"2. Les cellules à liste proposent un menu déroulant : choisissez-y la valeur. Saisissez les dates au format de votre tableur ou sous la forme AAAA-MM-JJ, et les nombres en chiffres.",
			"3. Sur les feuilles " + strings.Join(tables, ", ") + ", écrivez une entrée par ligne. Pour ajouter des lignes, écrivez simplement sous le tableau.",
			"4. Partage : « " + public + " » permet de citer votre pays dans le rapport ; « " + coalitionOnly + " » réserve le résultat aux membres de la Coalition ; « " + anonymised + " » le publie comme « un pays de votre région », sans nom d'organisation.",
			"5. Ne renommez pas les feuilles et ne déplacez pas les cellules : la Coalition lit le classeur par le nom de ses cellules. Excel, LibreOffice et Google Sheets conviennent ; enregistrez au format .xlsx.",
		}
	case "es":
		p = []string{
			"Este libro recoge el resultado del evento nacional sobre el Protocolo Facultativo del Pacto Internacional de Derechos Económicos, Sociales y Culturales (país: " + country + "). " + coalition + " reúne los resultados de todos los países en un informe común que presenta en Nueva York.",
			"1. En la hoja «" + event + "», complete las celdas amarillas: el evento, la autoridad nacional, la posición del gobierno sobre la firma y la ratificación, el seguimiento y sus datos. Los campos marcados con * son obligatorios.",
			"2. Las celdas con lista ofrecen un menú desplegable: elija allí el valor. Escriba las fechas en el formato de su hoja de cálculo o como AAAA-MM-DD, y los números en cifras.",
			"3. En las hojas " + strings.Join(tables, ", ") + ", escriba una entrada por fila. Para añadir filas, escriba simplemente debajo de la tabla.",
			"4. Difusión: «" + public + "» permite citar a su país en el informe; «" + coalitionOnly + "» reserva el resultado a los miembros de la Coalición; «" + anonymised + "» lo publica como «un país de su región», sin nombres de organizaciones.",
			"5. No cambie el nombre de las hojas ni mueva las celdas: la Coalición lee el libro por el nombre de sus celdas. Sirven Excel, LibreOffice y Google Sheets; guarde en formato .xlsx.",
		}
	default:
		p = []string{
			"This workbook collects the outcome of the national event on the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights in " + country + ". " + coalition + " brings the outcomes of every country together into one report for the gathering in New York.",
			"1. On the sheet \"" + event + "\", fill in the yellow cells: the event, the national authority, the government's position on signature and ratification, the follow-up and your details. Fields marked * are required.",
			"2. Cells with a list offer a drop-down: pick the value there. Enter dates in your spreadsheet's date format or as YYYY-MM-DD, and numbers as figures.",
			"3. On the sheets " + strings.Join(tables, ", ") + ", write one item per row. To add rows, simply type below the table.",
			"4. Sharing: \"" + public + "\" lets the report name your country; \"" + coalitionOnly + "\" keeps the outcome among Coalition members; \"" + anonymised + "\" publishes it as \"a country in your region\", with no organisation names.",
			"5. Do not rename the sheets or move the cells: the Coalition reads the workbook by the names of its cells. Excel, LibreOffice and Google Sheets all work; save as .xlsx.",
		}
	}
	if contact != "" {
		p = append(p, L{"6. Send the completed workbook to " + contact + ".",
			"6. Envoyez le classeur rempli à " + contact + ".",
			"6. Envíe el libro completado a " + contact + "."}.In(lang))
	}
	return p
}
