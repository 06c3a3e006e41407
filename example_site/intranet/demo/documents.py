"""The documents the demo workshops use."""

# Demo documents: a title (the stable key), a file name, and the lines of its one-page PDF.
DOCUMENTS = {
    "slides": {
        "title": "How parliament works: slide outline",
        "filename": "how-parliament-works-slides.pdf",
        "lines": [
            "Foreign Service Academy · Module 2: Parliament and how laws are made",
            "",
            "1. Why parliament matters to an office abroad",
            "2. Two houses, one law: who does what",
            "3. First reading: the bill is published",
            "4. Second reading: the debate on principle",
            "5. Committee stage: line by line, with amendments",
            "6. Report stage and third reading",
            "7. The other house: agreement, or back and forth",
            "8. From act to action: when the ministry must change what it does",
            "9. Scrutiny: questions, committees and letters",
            "10. Supporting a visiting member of parliament",
        ],
    },
    "handout": {
        "title": "The stages of a bill: handout",
        "filename": "stages-of-a-bill-handout.pdf",
        "lines": [
            "Print one copy for each participant. Cut out the cards for the activity.",
            "",
            "[ Idea and consultation ]   [ First reading ]   [ Second reading ]",
            "[ Committee stage ]   [ Report stage ]   [ Third reading ]",
            "[ The other house ]   [ Agreement on amendments ]   [ Signed into law ]",
            "",
            "In your group: put the cards in order.",
            "Mark with an A each stage where the bill can be amended.",
            "Mark with an S each stage where the bill can be stopped.",
            "Then ask: at which stage might the ministry be asked for evidence?",
        ],
    },
    "transcript": {
        "title": "How a bill becomes law: transcript",
        "filename": "how-a-bill-becomes-law-transcript.pdf",
        "lines": [
            "Transcript of the 12-minute film, for offices that cannot play it.",
            "Read it aloud in turns: it takes about as long as the film.",
            "",
            "Every law starts as an idea: a promise, a court ruling, a crisis abroad.",
            "Officials turn the idea into a bill, and ministers agree to put it forward.",
            "At first reading the bill is published, and nothing is debated yet.",
            "At second reading members debate whether the bill should exist at all.",
            "In committee, members go through it line by line and propose amendments.",
            "The whole house then votes on the amended text at third reading.",
            "The other house repeats the process and may send changes back.",
            "Only when both houses agree on every word can the bill become law.",
            "Even then the work goes on: committees ask how the law is working.",
        ],
    },
}
