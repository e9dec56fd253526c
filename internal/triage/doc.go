// Package triage decides, per country, what kind of national event helps
// most, following the Coalition's mission: where the government has
// committed to sign an event may be unnecessary; where it leans or is
// undecided a substantive public event has the most impact; where it is
// opposed or unknown the aim shifts to ratification after September; a
// partner who needs a low profile gets a closed meeting and no public
// material. The briefing and the plan use the same recommendation.
package triage
