//! Quotation detection and attribution, one invented fixture per pattern of issue 4.
//!
//! Every sentence here is made up for the test. Documents are built with the text layer only
//! (no entity model), so these tests pin the quotation rules, not the recogniser's output.

use loupe::{Document, Span};

/// Runs the text layer and the quotation finder; returns (quote, speaker, cue) strings.
fn quotes(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    let mut doc = Document { text: text.to_owned(), ..Document::default() };
    loupe::text::segment(&mut doc);
    loupe::quotes::find(&mut doc);
    let s = |sp: Span| sp.of(text).to_string();
    doc.quotes.iter().map(|q| (s(q.span), q.speaker.map(s), q.cue.map(s))).collect()
}

fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
    quotes(text)
        .into_iter()
        .find(|(q, _, _)| q.contains(quote_start))
        .unwrap_or_else(|| panic!("no quote containing {quote_start:?} in {:?}", quotes(text)))
        .1
}

#[test]
fn quote_then_name_said() {
    let t = "“The bridge will open in May,” Maria Okafor said on Tuesday.";
    let q = quotes(t);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].0, "“The bridge will open in May,”");
    assert_eq!(q[0].1.as_deref(), Some("Maria Okafor"));
    assert_eq!(q[0].2.as_deref(), Some("said"));
}

#[test]
fn role_noun_inside_the_speaker_name() {
    let t = "“The talks will resume next week in Oslo,” ministry spokeswoman Karin Dahl said.";
    let q = quotes(t);
    assert_eq!(q[0].1.as_deref(), Some("Karin Dahl"));
    assert_eq!(q[0].2.as_deref(), Some("said"));
    let t = "“We cannot comment on an ongoing case,” Dahl noted in an email.";
    assert_eq!(speaker_of(t, "ongoing case").as_deref(), Some("Dahl"));
}

#[test]
fn said_then_name() {
    let t = "\"We are not leaving the talks,\" said Tomas Lindqvist, the union's negotiator.";
    assert_eq!(speaker_of(t, "not leaving").as_deref(), Some("Tomas Lindqvist"));
}

#[test]
fn name_said_colon() {
    let t = "The minister said: “Nobody will lose their pension because of this reform.”";
    assert_eq!(speaker_of(t, "Nobody").as_deref(), Some("The minister"));
}

#[test]
fn name_appositive_said() {
    let t = "Priya Raman, the mayor of Eastvale, said \"the budget is balanced for the first time in ten years.\"";
    assert_eq!(speaker_of(t, "budget").as_deref(), Some("Priya Raman"));
}

#[test]
fn said_name_who() {
    let t = "“It was a long night for everyone here,” said Henrik Baal, who has run the shelter since 2009.";
    assert_eq!(speaker_of(t, "long night").as_deref(), Some("Henrik Baal"));
}

#[test]
fn told_someone_that() {
    let t = "Senator Ada Quist told reporters that \"the vote will happen next week, with or without them.\"";
    let q = quotes(t);
    assert_eq!(q[0].1.as_deref(), Some("Senator Ada Quist"));
    assert_eq!(q[0].2.as_deref(), Some("told"));
}

#[test]
fn according_to() {
    let t = "The plant will close, according to the company, which called the decision “painful but necessary for the group's future.”";
    let q = quotes(t);
    assert_eq!(q.len(), 1);
    assert!(q[0].1.is_some());
    let t = "“Prices will keep rising through the winter,” according to Lena Marsh, an economist at the bank.";
    assert_eq!(speaker_of(t, "Prices").as_deref(), Some("Lena Marsh"));
}

#[test]
fn other_speech_verbs() {
    for verb in ["added", "insisted", "admitted", "argued", "warned", "tweeted", "wrote", "explained", "replied"] {
        let t = format!("“We will appeal the ruling as soon as we can,” Jonas Feld {verb}.");
        let q = quotes(&t);
        assert_eq!(q.len(), 1, "{verb}");
        assert_eq!(q[0].1.as_deref(), Some("Jonas Feld"), "{verb}");
        assert_eq!(q[0].2.as_deref(), Some(verb));
    }
    let t = "Jonas Feld said in a statement: “The appeal has been filed with the court today.”";
    assert_eq!(quotes(t)[0].2.as_deref(), Some("said in a statement"));
}

#[test]
fn continuation_same_paragraph() {
    let t = "“The roof leaked for months,” Ines Varga said. “Nobody came to fix it until the story ran.”";
    let q = quotes(t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].1.as_deref(), Some("Ines Varga"));
    assert_eq!(q[1].2, None);
}

#[test]
fn continuation_next_paragraph() {
    let t = "“We did everything by the book,” the coach said after the game.\n\n\
             “The referees will have to explain their decisions to the league, not to me.”";
    let q = quotes(t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].1.as_deref(), Some("the coach"));
}

#[test]
fn colon_paragraph_then_quote() {
    let t = "In a letter to members, the association wrote:\n\n“The new rules were drafted without consulting a single working nurse.”";
    assert_eq!(speaker_of(t, "new rules").as_deref(), Some("the association"));
}

#[test]
fn pronoun_and_description_speakers() {
    assert_eq!(speaker_of("“I will not resign over this,” she said.", "resign").as_deref(), Some("she"));
    assert_eq!(
        speaker_of("“The review is ongoing and we will say more soon,” a senior ministry official said.", "review")
            .as_deref(),
        Some("a senior ministry official")
    );
    assert_eq!(
        speaker_of("“No decision has been made on the contract yet,” officials said.", "No decision").as_deref(),
        Some("officials")
    );
    assert_eq!(
        speaker_of("“The company regrets the delay to its customers,” the spokesman told us.", "regrets").as_deref(),
        Some("the spokesman")
    );
}

#[test]
fn organisation_speaker() {
    let t = "The Harbour Trust said the plan was “a step backwards for the whole waterfront.”";
    assert_eq!(speaker_of(t, "step backwards").as_deref(), Some("The Harbour Trust"));
}

#[test]
fn scare_quotes_are_not_quotations() {
    let t = "The so-called “moderate” rebels met in the capital. He watched “Evening Report” on Channel 4 with Robert “Bobby” Lane.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
}

#[test]
fn short_attributed_phrase_is_a_quotation() {
    let t = "The foreign minister called the talks “constructive” and left without further comment.";
    let q = quotes(t);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("The foreign minister"));
    assert_eq!(q[0].2.as_deref(), Some("called"));
}

#[test]
fn attributed_title_or_nickname_is_a_quotation_but_a_show_title_is_not() {
    let t = "The senator called her rival “Mister Maybe” at the rally.";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1.as_deref(), Some("The senator"));
    let t = "Speaking on \"Morning Review,\" the governor told NBC's \"Weekend Desk\" that the roads were clear.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
}

#[test]
fn quote_over_paragraph_break_is_one() {
    let t = "“The first thing we did was count the boats.\n\n“Then we counted the people, and there were not enough boats,” the harbour master said.";
    let q = quotes(t);
    assert_eq!(q.len(), 1);
    assert!(q[0].0.contains("count the boats") && q[0].0.contains("enough boats"));
    assert_eq!(q[0].1.as_deref(), Some("the harbour master"));
}

#[test]
fn unbalanced_mark_does_not_swallow_the_article() {
    let t = "He said “this sentence never gets its closing mark and goes on for a while.\n\n\
             The next paragraph is plain narrative about the weather in the valley.\n\n\
             “A real quotation comes here,” the farmer said.";
    let q = quotes(t);
    assert!(q.iter().all(|(s, _, _)| !s.contains("weather")), "{q:?}");
    assert!(q.iter().any(|(s, sp, _)| s == "“A real quotation comes here,”" && sp.as_deref() == Some("the farmer")));
}

#[test]
fn straight_curly_and_guillemets() {
    let t = "«We will rebuild the school before the autumn term,» the mayor said. \"The money is there,\" she added.";
    let q = quotes(t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].1.as_deref(), Some("the mayor"));
    assert_eq!(q[1].1.as_deref(), Some("she"));
}

#[test]
fn uk_single_quotes_and_apostrophes() {
    let t = "‘We’ve never seen the ’90s crowd this big,’ said Dana Holt. \
             ‘It’s rock ’n’ roll all over again,’ she added. The Joneses’ barn was full.";
    let q = quotes(t);
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "‘We’ve never seen the ’90s crowd this big,’");
    assert_eq!(q[0].1.as_deref(), Some("Dana Holt"));
    assert_eq!(q[1].0, "‘It’s rock ’n’ roll all over again,’");
    assert_eq!(q[1].1.as_deref(), Some("she"));
}

#[test]
fn mixed_single_and_double_marks() {
    let t = "Minister: ‘We will not back down on housing targets’\n\n\
             Speaking on Sunday, Angela Fenwick said: ‘We were elected to build homes, and we will.’\n\n\
             The party's housing spokesman, Tom Reilly, told reporters the plans were \"a fantasy\".";
    let q = quotes(t);
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[0].0, "‘We will not back down on housing targets’");
    assert_eq!(q[1].1.as_deref(), Some("Angela Fenwick"));
    assert_eq!(q[2].1.as_deref(), Some("Tom Reilly"));
}

#[test]
fn nested_quote_is_part_of_the_outer_one() {
    let t = "“He looked at me and said ‘not today’, and walked off,” Carla Benz recalled.";
    let q = quotes(t);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].1.as_deref(), Some("Carla Benz"));
}

#[test]
fn quote_in_headline() {
    let t = "Port chief: “We are ready for the storm season”\n\nThe port authority said on Monday that all cranes had been inspected.";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "“We are ready for the storm season”");
}

#[test]
fn colon_introduced_quotation_without_verb() {
    let t = "The result did not surprise pollster Nadia Kerr: “Turnout in the suburbs was always going to decide it.”";
    assert_eq!(speaker_of(t, "Turnout").as_deref(), Some("Nadia Kerr"));
}

#[test]
fn dash_attribution() {
    let t = "“Never let a good crisis go to waste, but never start one either.”\n— Olga Brandt";
    assert_eq!(speaker_of(t, "Never let").as_deref(), Some("Olga Brandt"));
}

#[test]
fn no_panics_on_odd_input() {
    for t in [
        "",
        "\"",
        "“”",
        "\"\"\"\"\"\"\"",
        "‘’‘’''``",
        "“ said",
        "said “",
        "\n\n“\n\n“\n\n",
        "« » „ “ ” ‚ ‘ ’",
        "“a” b “c” d “e”",
    ] {
        let _ = quotes(t);
    }
    let big = "“Word, ” he said. ".repeat(20_000) + &"\"".repeat(10_000);
    let q = quotes(&big);
    assert!(q.len() >= 20_000);
}

/// Deterministic random mixes of marks, words and line breaks: spans stay inside the text on
/// char boundaries, quotations are in order and do not overlap.
#[test]
fn random_mark_soup_keeps_invariants() {
    let pieces = [
        "\"", "“", "”", "'", "’", "‘", "«", "»", "„", " ", "\n", "\n\n", "said", "Smith", "he", ",", ".", ":", "—",
        "―", "(", ")", "according", "to", "the", "spokesman", "told", "saying", "and", "é", "😀", "''", "=", "Mr.",
        "I.",
    ];
    let mut seed: u64 = 42;
    for n in 0..3000 {
        let mut t = String::new();
        for _ in 0..(n % 60) + 1 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if seed % 3 == 0 {
                t.push(' ');
            }
        }
        let mut doc = Document { text: t.clone(), ..Document::default() };
        loupe::text::segment(&mut doc);
        loupe::quotes::find(&mut doc);
        assert_eq!(doc.check(), Ok(()), "{t:?}");
    }
}

#[test]
fn hard_wrapped_quotation_keeps_its_speaker() {
    // Wrapped mid-quotation, as e-mail and PDF copies arrive.
    let t = "The mayor, Ana Ruiz, spoke on Tuesday. \"We will rebuild every\nbridge in this city before winter comes,\" Ruiz said.";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "\"We will rebuild every\nbridge in this city before winter comes,\"");
    assert_eq!(q[0].1.as_deref(), Some("Ruiz"));
    assert_eq!(q[0].2.as_deref(), Some("said"));
}

#[test]
fn hard_wrapped_speaker_and_cue_on_the_next_line() {
    let t = "Harbour workers walked out at dawn, and by noon the\nquays were empty. \"Nobody is loading a single ship until\nwe get a contract,\" said Tomas Berg, who leads the\ndockers' union at the port of Valmere.";
    assert_eq!(speaker_of(t, "Nobody").as_deref(), Some("Tomas Berg"));
}

#[test]
fn description_speaker_is_the_whole_noun_phrase() {
    // A capitalised determiner opens a description: the speaker is "The union", never "The".
    let t = "The union, which represents 4,000 dockers, called the offer “an insult.”";
    assert_eq!(speaker_of(t, "insult").as_deref(), Some("The union"));
    let t = "The city’s chief planner, who took office in May, said “the bridge can wait.”";
    assert_eq!(speaker_of(t, "bridge can wait").as_deref(), Some("The city’s chief planner"));
    // A determiner standing alone is the subject as written.
    let t = "One resident praised the plan. Another said “it will ruin the harbour view.”";
    assert_eq!(speaker_of(t, "ruin the harbour").as_deref(), Some("Another"));
}

#[test]
fn according_to_names_the_source_of_a_quoted_speaker() {
    // PolNeAR's convention: the source the article quotes from is the speaker.
    let t = "“We will reopen the pier by June,” Lena Farrow said, according to the Coastal Herald.";
    assert_eq!(speaker_of(t, "reopen the pier").as_deref(), Some("the Coastal Herald"));
    let t = "According to a pool report, Farrow said “the money is already there.”";
    assert_eq!(speaker_of(t, "money is already").as_deref(), Some("a pool report"));
    // Far from the cue, "according to" is about something else.
    let t = "“The pier is safe,” Farrow said at the harbour office on a windy Monday morning while \
             engineers who, according to the union, worked late, listened.";
    assert_eq!(speaker_of(t, "pier is safe").as_deref(), Some("Farrow"));
}

#[test]
fn inverted_cue_after_the_rest_of_the_quoted_sentence() {
    // The quoted words run on outside the marks; the name after ", said" is the speaker.
    let t = "“It will be hard” for the ferry company, said Oskar Brandt, a harbour pilot.";
    assert_eq!(speaker_of(t, "It will be hard").as_deref(), Some("Oskar Brandt"));
    // "told" takes an object: the subject before it speaks.
    let t = "“We never saw the report,” Brandt, a harbour pilot, told Coast Radio.";
    assert_eq!(speaker_of(t, "never saw").as_deref(), Some("Brandt"));
}

#[test]
fn pronoun_after_which_is_the_speaker_after_what_the_outer_one() {
    // "which she called": the pronoun said it. "what he calls": the clause names a thing the
    // sentence's subject talks about, and the subject is credited.
    let t = "Mayor Ines Varga toured the old pier, which she called “a disgrace to the town.”";
    assert_eq!(speaker_of(t, "disgrace").as_deref(), Some("she"));
    let t = "Councillor Piet Albers railed against what he calls “a tax on sunshine.”";
    assert_eq!(speaker_of(t, "sunshine").as_deref(), Some("Councillor Piet Albers"));
}

#[test]
fn description_speaker_with_what_the_role_serves() {
    // The speaker is the whole description, the role and whom it serves.
    let t = "A spokesman for the city said “the ferry will run on Sundays.”";
    assert_eq!(speaker_of(t, "ferry will run").as_deref(), Some("A spokesman for the city"));
    let t = "“The ferry will run on Sundays,” said a spokeswoman for the harbour board.";
    assert_eq!(speaker_of(t, "ferry will run").as_deref(), Some("a spokeswoman for the harbour board"));
}

#[test]
fn conjunction_after_the_quotation_opens_another_clause() {
    // "and he vowed" starts a new clause; the quotation belongs to the cue before it.
    let t = "Mayor Ines Varga told the crowd that “the pier will be rebuilt by spring,” and her deputy \
             promised more buses.";
    assert_eq!(speaker_of(t, "pier will be rebuilt").as_deref(), Some("Mayor Ines Varga"));
}

#[test]
fn subject_behind_an_adverbial_or_an_infinitive() {
    // A prepositional phrase between the name and the cue is not the speaker.
    let t = "Varga at the time said the pier was “perfectly safe.”";
    assert_eq!(speaker_of(t, "perfectly safe").as_deref(), Some("Varga"));
    // "to say": the subject of the clause speaks.
    let t = "Councillor Piet Albers interjected to say: “The buses are always late.”";
    assert_eq!(speaker_of(t, "buses are always").as_deref(), Some("Councillor Piet Albers"));
}

#[test]
fn opening_poll_speaks_for_those_it_counts() {
    // PolNeAR credits the poll: "In a … poll, 40% of voters said …".
    let t = "In a Harbour Gazette poll released Monday, 40 percent of voters said the ferry was “too expensive.”";
    assert_eq!(speaker_of(t, "too expensive").as_deref(), Some("a Harbour Gazette poll released Monday"));
    // Other opening phrases leave the subject as it is.
    let t = "In a statement released Monday, Mayor Ines Varga said the ferry was “too expensive.”";
    assert_eq!(speaker_of(t, "too expensive").as_deref(), Some("Mayor Ines Varga"));
}

#[test]
fn four_lower_case_words_are_speech_a_title_is_not() {
    let t = "The council wants to “cut the ferry budget” before the winter timetable starts.";
    assert_eq!(quotes(t).len(), 1, "{:?}", quotes(t));
    let t = "Every evening she watched “Harbour Lights Late Show” with her brother.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
}

#[test]
fn lower_case_fragments_between_double_marks_are_partial_quotations() {
    // Two or three lower-case words between double marks: someone's words, even with no cue.
    let t = "The council wants a “much smaller budget” before the winter timetable starts.";
    assert_eq!(quotes(t).len(), 1, "{:?}", quotes(t));
    let t = "Harbour owners should pay their \"fair share\" of the dredging costs, the report found.";
    assert_eq!(quotes(t).len(), 1, "{:?}", quotes(t));
    // One word, a title-cased run, a single-quoted fragment or a so-called term is not.
    let t = "The council wants a “leaner” budget before the winter timetable starts.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
    let t = "The council backed the “Harbour First” plan before the winter timetable starts.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
    let t = "The council wants a ‘much smaller budget’ before the winter timetable starts.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
    let t = "The so-called “harbour levy” was dropped in March.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
}

#[test]
fn a_fragment_inside_a_sentence_is_its_subjects_words() {
    // The earlier quotation on the paragraph is Ruiz's; the fragment belongs to Okafor, the
    // subject of its own sentence.
    let t = "“We will not close the ferry,” Mayor Ana Ruiz said. Councillor Ben Okafor later \
             accused the mayor of “quiet cuts” to the service.";
    assert_eq!(speaker_of(t, "quiet cuts").as_deref(), Some("Councillor Ben Okafor"));
    // A whole sentence without a cue still continues the speaker before it.
    let t = "“We will not close the ferry,” Mayor Ana Ruiz said. “The boats are staying.”";
    assert_eq!(speaker_of(t, "boats are").as_deref(), Some("Mayor Ana Ruiz"));
}

#[test]
fn opening_clauses_and_contractions_are_not_the_subject() {
    let t = "Greeted at the pier by a brass band, Mayor Ana Ruiz praised the “tireless crews” of the ferry.";
    assert_eq!(speaker_of(t, "tireless").as_deref(), Some("Mayor Ana Ruiz"));
    let t = "First, Mayor Ana Ruiz thanked the “tireless crews” of the ferry.";
    assert_eq!(speaker_of(t, "tireless").as_deref(), Some("Mayor Ana Ruiz"));
    let t = "There’s still time for Ben Okafor to stop the “quiet cuts” at the harbour.";
    assert_eq!(speaker_of(t, "quiet cuts").as_deref(), Some("Ben Okafor"));
    // A contracted pronoun is still the subject.
    let t = "“We will not close the ferry,” Ruiz said. She’s been fighting the “quiet cuts” for weeks.";
    assert_eq!(speaker_of(t, "quiet cuts").as_deref(), Some("She’s"));
    // A name that ends in "-ed" is still a name.
    let t = "Ahmed praised the “tireless crews” of the ferry.";
    assert_eq!(speaker_of(t, "tireless").as_deref(), Some("Ahmed"));
}

#[test]
fn a_dateline_with_a_date_and_an_agency_is_not_the_subject() {
    let t = "LAKEPORT, March 3 (HNS) — Mayor Ana Ruiz wants a “much smaller budget” this year.";
    assert_eq!(speaker_of(t, "smaller budget").as_deref(), Some("Mayor Ana Ruiz"));
}

#[test]
fn verbs_that_characterise_words_frame_short_quotations() {
    let t = "Mayor Ana Ruiz referred to the plan as “a costly detour” on Monday.";
    assert_eq!(speaker_of(t, "costly detour").as_deref(), Some("Mayor Ana Ruiz"));
    let t = "The senator decried the board for “ignoring the harbour” all year.";
    assert_eq!(speaker_of(t, "ignoring").as_deref(), Some("The senator"));
}

#[test]
fn opening_time_phrase_and_place_are_not_the_subject() {
    let t = "Hours later, Dana Whitfield returned to the podium, telling reporters “the vote is not over yet.”";
    assert_eq!(speaker_of(t, "the vote").as_deref(), Some("Dana Whitfield"));
    let t = "Speaking at a town hall in Dover, Delaware, Mayor Ana Ruiz attacked the plan, calling it \
             “a gift to developers who never pay.”";
    assert_eq!(speaker_of(t, "a gift").as_deref(), Some("Mayor Ana Ruiz"));
}

#[test]
fn subject_behind_auxiliaries_and_a_prepositional_phrase() {
    let t = "The senator, who has in the past described the tax as “a burden on every single family,” voted for it.";
    assert_eq!(speaker_of(t, "a burden").as_deref(), Some("who"));
}

#[test]
fn reports_names_the_outlet_quoted_from() {
    let t = "“We will not sign this deal,” said Tom Reyes, the union's negotiator, reports the Harbour Gazette.";
    assert_eq!(speaker_of(t, "not sign").as_deref(), Some("the Harbour Gazette"));
    // Without it, the one who said it.
    let t = "“We will not sign this deal,” said Tom Reyes, the union's negotiator.";
    assert_eq!(speaker_of(t, "not sign").as_deref(), Some("Tom Reyes"));
}

#[test]
fn a_named_subject_inside_reported_speech_yields_to_the_reporter() {
    let t = "Rep. Lund said Ms. Varga called the plan “a betrayal of the harbour towns.”";
    assert_eq!(speaker_of(t, "a betrayal").as_deref(), Some("Rep. Lund"));
    let t = "Ms. Varga called the plan “a betrayal of the harbour towns.”";
    assert_eq!(speaker_of(t, "a betrayal").as_deref(), Some("Ms. Varga"));
}

#[test]
fn programme_titles_after_told_or_with_are_not_quotations() {
    let t = "Mayor Ana Ruiz told “Morning Ledger” that the ferry would run.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
    let t = "In an interview with “Harbour Talk Tonight,” the mayor said little.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
}

#[test]
fn a_cue_with_its_own_clause_after_a_line_break_opens_the_next_paragraph() {
    // Invented, hard-wrapped with the blank lines lost: the last line starts a new paragraph.
    let wrapped = "The harbour plan was approved on Monday after a long debate in\n\
                   the council chamber. “The plan is sound and the money is there,”\n\
                   said Mayor Ana Ruiz. “We will build the new pier before winter.”\n\
                   The council argues that the cost of the pier will double by the\n\
                   spring, and several members have asked for a second vote soon.";
    assert_eq!(speaker_of(wrapped, "new pier").as_deref(), Some("Mayor Ana Ruiz"));
    // A short frame after the line break still speaks for the quotation.
    let short = "The harbour plan was approved on Monday after a long debate in\n\
                 the council chamber. “The plan is sound and the money is there,”\n\
                 said Mayor Ana Ruiz. “We will build the new pier before winter.”\n\
                 Councillor Tom Reyes said later. The cost of the pier will double by\n\
                 the spring, and several members have asked for a second vote soon.";
    assert_eq!(speaker_of(short, "new pier").as_deref(), Some("Councillor Tom Reyes"));
}

#[test]
fn judging_verbs_frame_one_word_quotations_from_further_away() {
    // A weak cue up to ten words before the quotation frames it.
    let t = "Senator Ana Ruiz called both the mayor and the new harbour board “reckless” on Monday.";
    assert_eq!(speaker_of(t, "reckless").as_deref(), Some("Senator Ana Ruiz"));
    let t = "The union accused the harbour board of “stalling” for a year.";
    assert_eq!(speaker_of(t, "stalling").as_deref(), Some("The union"));
    let t = "Ben Okafor dismissed the plan as “fantasy” at the meeting.";
    assert_eq!(speaker_of(t, "fantasy").as_deref(), Some("Ben Okafor"));
    // Without a cue a single word stays a term.
    let t = "The harbour board bought a “smart” buoy for the channel.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
}

#[test]
fn titles_after_a_naming_word_are_names_even_near_a_cue() {
    let t = "Ruiz said the council had paid for a short film called “Harbour Days” last spring.";
    assert!(quotes(t).is_empty(), "{:?}", quotes(t));
    let t = "“We will keep the ferry,” Ruiz said on the podcast “Tide Table Tonight.”";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].0.contains("keep the ferry"));
    // Naming someone's words is still a quotation: the object sits between verb and quote.
    let t = "The senator called her rival “Mister Maybe” at the rally.";
    assert_eq!(quotes(t).len(), 1, "{:?}", quotes(t));
}

#[test]
fn a_pronoun_after_the_reporting_verbs_object_yields_to_its_subject() {
    let t = "Senator Ana Ruiz assured the dock workers they would get “every cent back” by May.";
    assert_eq!(speaker_of(t, "every cent").as_deref(), Some("Senator Ana Ruiz"));
    let t = "Ben Okafor admitted to the Harbour Gazette that he had “misread the tide tables” twice.";
    assert_eq!(speaker_of(t, "misread").as_deref(), Some("Ben Okafor"));
    // A relative "who" speaks for itself.
    let t = "“The budget is fine,” said Ben Okafor, who said the ferry was “never in danger.”";
    assert_eq!(speaker_of(t, "never in danger").as_deref(), Some("who"));
}

#[test]
fn an_opening_phrase_with_its_appositive_is_not_the_subject() {
    let t = "Outside the town hall, Mayor Ana Ruiz wants a “much smaller budget” this year.";
    assert_eq!(speaker_of(t, "smaller budget").as_deref(), Some("Mayor Ana Ruiz"));
    let t = "Introduced by Ben Okafor, the harbour master, Mayor Ana Ruiz wants a “much smaller budget” this year.";
    assert_eq!(speaker_of(t, "smaller budget").as_deref(), Some("Mayor Ana Ruiz"));
    // Without a name after the second comma the phrase is the subject's own apposition.
    let t = "On Monday, the harbour master, who rarely speaks, wants a “much smaller budget” this year.";
    assert_eq!(speaker_of(t, "smaller budget").as_deref(), Some("the harbour master"));
}

#[test]
fn a_quantifier_can_be_the_subject_of_said() {
    let t = "Few dock workers were asked; most said the cuts were “far too deep.”";
    assert_eq!(speaker_of(t, "far too deep").as_deref(), Some("most"));
    // A determiner before a cue word still makes it a noun: "the tweet", "his remarks".
    let t = "Ana Ruiz wrote that his remarks were “far too deep” for the council.";
    assert_eq!(speaker_of(t, "far too deep").as_deref(), Some("Ana Ruiz"));
}
