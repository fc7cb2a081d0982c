// The "Try a sample" article. Invented from start to finish (people, places, companies and
// quotes are all made up) and written to exercise what Loupe should find: a dateline, several
// attribution patterns ("…," X said / said X / X said: "…" / a pronoun speaker), a quotation
// that runs over two paragraphs, curly and straight quote marks, and a person named in full and
// later by surname alone.

export const SAMPLE = `Harbour council saves the night ferry after months of dispute

VELMORE, Tuesday — The Velmore City Council voted 9 to 4 on Tuesday to keep the night ferry across the Arden Estuary running until 2029, ending a dispute with the operator, Northwind Maritime, that had left hundreds of shift workers unsure how they would get home.

“We heard the nurses, the bakers and the cleaners, and we listened,” Mayor Talia Brennick said after the vote. “This ferry is not a luxury.”

Brennick had faced pressure from both sides. Northwind Maritime says the late crossings lose about 1.2 million euros a year, and the company threatened in March to cancel them. The ferry, which first sailed in 1964, carries about 600 passengers on a typical night, according to figures from the city.

“The numbers have not changed overnight,” said Oskar Lindqvist, the company’s chief executive. “But a three-year contract gives us room to buy quieter, cheaper boats from Sweden.”

Councillor Ruth Okafor, who voted against the plan, said: “We are writing a blank cheque to a private company, and the people of Eastbank will pay for it through their rates.”

The Velmore Hospital Trust welcomed the decision. Its director of nursing, Imran Qureshi, said night staff had been “counting the days” until the vote.

“Half of my team lives on the other side of the water,” he said. “Without the ferry, some of them would have had to choose between their job and their family.

“Today nobody has to make that choice.”

Not everyone in Eastbank was convinced. Standing at the quay, the retired dock worker Greta Havel said the boats were often late and the waiting room at Pier Road had no heating. "Fix the basics first," she said.

Lindqvist promised new timetables by the spring and an Easter trial of a second evening boat. The agreement still needs the approval of the regional transport authority, Arden Transit, which is expected to vote in January. A spokeswoman for the authority told reporters it would study the contract “carefully and without delay.”
`;
