/**
 * The trusted adults' guide, one per survey, as data: the web page and the PDF are both drawn from
 * these sections, so the two can never say different things. Plain words, written for busy
 * professionals who may read it ten minutes before they meet a young person.
 */
import type { SurveyId } from '../../instruments/types.ts';

export type GuideBlock =
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: readonly string[] }
  /** Words the adult might say, shown as a quotation. */
  | { kind: 'say'; text: string }
  /** The one thing that must not be missed (safeguarding). */
  | { kind: 'warning'; text: string }
  | { kind: 'h3'; text: string };

export interface GuideSection {
  id: string;
  heading: string;
  blocks: readonly GuideBlock[];
}

export interface Guide {
  survey: SurveyId;
  title: string;
  /** Who the guide is for, under the title. */
  audience: string;
  sections: readonly GuideSection[];
}

const p = (text: string): GuideBlock => ({ kind: 'p', text });
const list = (...items: string[]): GuideBlock => ({ kind: 'list', items });

const before = (who: string): GuideSection => ({
  id: 'before',
  heading: 'Before you meet',
  blocks: [
    list(
      "Read this guide and your council's safeguarding procedures. Know who to call about a worry, in office hours and out of hours.",
      `Agree a time and place with the ${who}: somewhere quiet and private, where nobody else can see the screen or overhear.`,
      'Have the survey link or QR code ready on a charged phone, tablet or laptop with internet. Paper forms are there for anyone who would rather write.',
      'Allow plenty of time, and agree a back-up date in case the day does not work out.',
      `Think about what the ${who} needs: help with reading, a language other than English, breaks, or a communication aid.`,
    ),
  ],
});

const helping = (who: string, extra: readonly GuideBlock[]): GuideSection => ({
  id: 'helping',
  heading: 'Helping without influencing',
  blocks: [
    p(`Your job is to make it possible for the ${who} to answer, not to shape what they say. Their answers are theirs alone.`),
    list(
      `Sit where you cannot see the screen, unless the ${who} asks you to help.`,
      'If they ask what a question means, read it out or explain the words plainly. Do not suggest an answer, or say what other people said.',
      'Never read, check or ask about their answers, while they answer or afterwards.',
      'Try not to react to an answer, even with a smile or a frown.',
      'Let them skip any question. Every question has "I don\'t want to say", and nothing has to be answered.',
      'If they want a break, they can save their answers and get a code to carry on later, on any device.',
      'On paper, give them an envelope to seal their form in, and post or hand it in still sealed.',
    ),
    ...extra,
  ],
});

const worried = (who: string): GuideSection => ({
  id: 'worried',
  heading: `If a ${who} tells you something worrying`,
  blocks: [
    {
      kind: 'warning',
      text: `If a ${who} tells you something, or you notice something, that makes you think they may be at risk of harm, follow your council's safeguarding procedures at once. Do not wait for the survey team.`,
    },
    list(
      'Stay calm and listen. Let them say what they want to, in their own words. Do not ask leading questions or try to find out more.',
      'Do not promise to keep it secret. Explain kindly that you need to tell someone whose job is to keep them safe.',
      'Write down what they said, in their words, with the date and time, as soon as you can.',
      "Tell your council's safeguarding contact straight away. Out of hours, call the emergency duty team. If someone is in immediate danger, call 999.",
    ),
    p(`The survey shows help too. At the end, everyone sees how to contact Childline (0800 1111, free, day or night) and their advocate, and what to do in an emergency. Anything written in the survey that suggests someone is not safe is read by the Bright Spots safeguarding team and passed to your council's safeguarding contacts. That does not replace what you do: if you know, act now.`),
    p(`The questions are about feelings, family and home. A ${who} may get upset even when nothing is wrong. Give them time, and make sure they have someone to talk to afterwards.`),
  ],
});

const ylyc: Guide = {
  survey: 'ylyc',
  title: "Trusted adults' guide: Your Life, Your Care",
  audience: 'For adults helping children in care aged 4 to 17 to take part in the survey.',
  sections: [
    {
      id: 'about',
      heading: 'What the survey is',
      blocks: [
        p('Your Life, Your Care asks children in care how they feel about their lives: where they live, school, friends, family, the adults who look after them, and how they feel about themselves and the future. Your council uses what children say, all together, to make things better.'),
        p("It is anonymous. Children are not asked their name, date of birth or address. Nobody at the council sees one child's answers: they see results for groups of children, and small groups are hidden."),
        p('There are three versions, for ages 4 to 7, 8 to 11 and 11 to 17. The child chooses their age at the start and gets the right one. It takes about 10 minutes for the youngest and up to half an hour for the oldest.'),
        p("For 8 to 11 year olds there is also an easy-read version, for children with learning disabilities or who find reading hard: short sentences, one idea per question, and a picture beside every question and answer. Tick 'Easy read' on the first page before choosing the age. Their answers count with everyone else's of their age."),
        p('Your part matters. Children are far more likely to take part, and to say what they really think, when an adult they know and trust explains the survey and makes time for it.'),
      ],
    },
    {
      id: 'who',
      heading: 'Who can be a trusted adult',
      blocks: [
        p('A trusted adult is a professional the child knows and feels comfortable with: for example a teacher, a residential worker, an independent reviewing officer, an advocate or a participation worker.'),
        p("You must not be the child's own social worker or foster carer, or anyone else who looks after them at home. The survey asks children what they think of their social worker and of the adults they live with. A child cannot answer those questions freely with that person beside them, however good the relationship is."),
        p("If you are the child's social worker or carer, you can still help: tell them about the survey, and ask your council's survey lead to find another trusted adult for them."),
      ],
    },
    before('child'),
    {
      id: 'introducing',
      heading: 'How to introduce the survey',
      blocks: [
        p('Keep it short and honest. You could say:'),
        { kind: 'say', text: "This is a survey for children in care about how your life is going. It's not a test and there are no right or wrong answers. It doesn't ask your name, so nobody will know which answers are yours, not even me. You can skip any question and stop whenever you like. What children say helps the council make things better." },
        list(
          "Make sure they know it is their choice. It is fine to say no, or 'not today'.",
          'Tell them about the one exception before they start: if they write something that makes the survey team worried about their safety, the council will be told so that someone can help. The survey explains this too, in words for their age.',
          "Show them the 'Leave this page quickly' button at the top of every page, and how to save their answers and finish later.",
        ),
      ],
    },
    helping('child', [
      { kind: 'h3', text: 'Children aged 4 to 7' },
      p("Younger children answer with you beside them. Read each question aloud in a neutral voice (the 'Read aloud' button can read it too) and let the child choose a face. At the end, you answer five questions about the child: their age, gender, ethnic group, where they live and how long they have been in care. Answer these from what you know, without asking the child."),
    ]),
    worried('child'),
    {
      id: 'after',
      heading: 'Afterwards',
      blocks: [
        list(
          'Thank them. Tell them what happens next: the council gets a report of what children said, and should tell children what it will do about it.',
          'If your council is running a prize draw, the child can enter it after sending their answers. It asks only for a first name and a way to contact them (or you), and it is kept apart from their answers.',
          'Let the survey lead know the child has taken part, or not, so they can be offered another chance. Never record anything about what the child answered.',
        ),
      ],
    },
    {
      id: 'checklist',
      heading: 'Quick checklist',
      blocks: [
        list(
          "I am not this child's social worker or foster carer.",
          "I have read my council's safeguarding procedures and know who to call.",
          'We have a quiet, private place and enough time.',
          'I have explained that the survey is anonymous, that it is their choice, and the one exception.',
          'I did not read or influence their answers.',
          'I know what to do if the child tells me something worrying.',
        ),
      ],
    },
  ],
};

const ylbc: Guide = {
  survey: 'ylbc',
  title: "Trusted adults' guide: Your Life Beyond Care",
  audience: 'For personal advisers and other adults helping care leavers aged 16 to 25 to take part in the survey.',
  sections: [
    {
      id: 'about',
      heading: 'What the survey is',
      blocks: [
        p('Your Life Beyond Care asks care leavers how their lives are going: their home, money, work and learning, the people around them, how they feel, and their hopes for the future. Your council uses what care leavers say, all together, to improve its support.'),
        p("It is anonymous. Nobody is asked their name, date of birth or address. The council never sees one person's answers: it sees results for groups, and small groups are hidden."),
        p('It takes about 20 to 30 minutes, on a phone, tablet or computer, or on paper.'),
        p('Your part matters. Care leavers are far more likely to take part when someone they know explains why it matters and makes it easy.'),
      ],
    },
    {
      id: 'who',
      heading: 'Who can be a trusted adult',
      blocks: [
        p('Personal advisers (PAs) send the survey link to the young people they support who can answer on their own. A message in your own words, saying why their views matter, makes a real difference.'),
        p("A young person who would like help to take part should have a trusted adult who is not their own PA: for example another PA, a participation worker, a housing or support worker, or an advocate. The survey asks what they think of their PA and the support they get. They cannot answer freely with their PA beside them, however good the relationship is."),
        p("If you are the young person's PA, you can still help: tell them about the survey, and ask your council's survey lead to find another trusted adult for them."),
      ],
    },
    before('young person'),
    {
      id: 'introducing',
      heading: 'How to introduce the survey',
      blocks: [
        p('Keep it short and honest. You could say:'),
        { kind: 'say', text: "This is a survey for care leavers about how your life is going now. It doesn't ask your name, so nobody will know which answers are yours, not even me. You can skip anything and stop whenever you like. The council gets a report of what care leavers said, and it has to listen." },
        list(
          'Make sure they know it is their choice, and that saying no will not affect the support they get.',
          'Tell them about the one exception before they start: if they write something that makes the survey team worried about their safety, the council will be told so that someone can help.',
          "Point out the 'Leave this page quickly' button, and that they can save their answers and finish later.",
        ),
      ],
    },
    helping('young person', []),
    worried('young person'),
    {
      id: 'catch-up',
      heading: 'Catching up afterwards',
      blocks: [
        p('The survey asks about loneliness, money, home and how people feel about the future. Answering can bring things up, sometimes days later.'),
        list(
          'Arrange to catch up with the young person a few days after they take part: how did they find it, and is there anything they would like help with now?',
          'Do not ask what they answered. If they choose to tell you, listen, and help them get the support they want.',
          'Make sure they know how to reach their PA and the leaving care team, and other support such as Samaritans (116 123, free, day or night).',
          "If the catch-up raises a worry about their safety, follow your council's safeguarding procedures at once.",
        ),
      ],
    },
    {
      id: 'after',
      heading: 'Afterwards',
      blocks: [
        list(
          'Thank them. Tell them what happens next: the council gets a report, and should tell care leavers what it will do about it.',
          'If your council is running a prize draw, they can enter it after sending their answers. It asks only for a first name and a way to contact them (or you), and it is kept apart from their answers.',
          'Let the survey lead know they have taken part, or not, so others can be offered a chance. Never record anything about what they answered.',
        ),
      ],
    },
    {
      id: 'checklist',
      heading: 'Quick checklist',
      blocks: [
        list(
          "I am not this young person's own PA.",
          "I have read my council's safeguarding procedures and know who to call.",
          'We have a quiet, private place and enough time.',
          'I have explained that the survey is anonymous, that it is their choice, and the one exception.',
          'I did not read or influence their answers.',
          'I have arranged to catch up with them afterwards.',
        ),
      ],
    },
  ],
};

export const GUIDES: Record<SurveyId, Guide> = { ylyc, ylbc };

/** The guide for a survey named in a URL, or undefined for anything else. */
export function guideFor(survey: string): Guide | undefined {
  return survey === 'ylyc' || survey === 'ylbc' ? GUIDES[survey] : undefined;
}
