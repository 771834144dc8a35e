"""Notes → cards: the pure heuristics behind `studyaws import` (no I/O, stdlib only)."""

# The pipeline, one module per stage:
#   normalise  clean a line: terminal escapes, odd spaces, LaTeX/HTML decorations, smart dashes in flags
#   outline    classify each line (heading, bullet with depth, text, table row, code, …) with its number
#   tree       nest the lines: headings own sections, intros and questions own the list under them
#   explicit   cards the author marked: Q:/A:, `q :: a`, `q? a`, a lone `?` line, ==cloze==, {{c1::…}}, tables
#   infer      cards from structure: question + bullets, heading + list, term: definition, numbers → cloze
#   prompts    the wording of an inferred card's front, from the note's own words
#   quality    junk filter (empty, echoing, 40-line answers), duplicates, each skip with its reason
#   outdated   AWS limits that changed since the notes were written, with today's value and a doc URL
#   ids        stable card ids from deck id + file name + normalised question text
#   compile    run the stages over one file: `compile_notes(name, text, deck_id)`
