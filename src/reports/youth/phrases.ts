/**
 * What each answer means, said to young people: the end of a sentence that starts "... of you said".
 * Kept short and plain, because the young people's report must read at about age 11. Each phrase says
 * the answer its figure counts (the good answer; for reversed items the good answer is the negative one).
 */

/** The good answer of each indicator. */
export const POSITIVE: Readonly<Record<string, string>> = {
  knows_social_worker: 'you know who your social worker is',
  trusts_social_worker: 'you trust your social worker',
  trusts_carers: 'you trust the adults you live with',
  carers_notice_feelings: 'your carers notice how you feel',
  good_friend: 'you have a really good friend',
  care_explained: 'an adult has told you why you are in care',
  safe_at_home: 'you feel safe where you live',
  settled_at_home: 'you feel settled where you live',
  likes_school: 'you like school',
  has_fun: 'you have fun and do things you enjoy',
  life_getting_better: 'your life is getting better',
  trusted_adult: 'you have an adult you trust who sticks by you',
  trusted_adult_trust_er: 'you have an adult you trust',
  trusted_adult_helps_er: 'an adult helps you and stays with you',
  contact_social_worker: 'you can get in touch with your social worker when you need to',
  speak_sw_alone: 'you know you can talk to your social worker on your own',
  social_worker_changes: 'your social worker changed no more than once last year',
  talk_to_carers: 'you can talk to your carers about things that matter',
  contact_mum: 'you see your mum about the right amount',
  contact_dad: 'you see your dad about the right amount',
  contact_siblings: 'you see your brothers and sisters about the right amount',
  has_pet: 'you have a pet',
  included_in_decisions: 'you have a say in plans about your life',
  embarrassed_by_adults: 'adults do not make you feel bad about being in care',
  bullying_afraid: 'you are hardly ever or never scared to go to school because of bullies',
  carers_interest_education: 'your carers care about how you do at school',
  likes_bedroom: 'you like your bedroom',
  outdoors: 'you get to go outdoors and explore nature',
  same_as_friends: 'you can do the same things as your friends',
  internet_at_home: 'you have the internet at home',
  positive_future: 'you feel good about the future',
  placement_moves: 'you have not moved home in the last year',
  adults_listen: 'adults listen to you',
  sees_friends: 'you see your friends when you want to',
  knows_advocate: 'you know how to get an advocate, a person who helps you speak up',
  feels_different: 'you do not feel different from others because you are in care',
  adult_at_school: 'there is an adult at school or college you can go to',
  hobbies: 'you have a hobby or something you like to do',
  trusted_to_do_things: 'you get the chance to show you can be trusted',
  life_skills: 'you are learning skills you will need in life',
  happy_appearance: 'you are happy with how you look',
  worries_feelings: 'you hardly ever or never worry about your feelings',
  gets_help_with_worries: 'you get help with your worries',
  talk_about_care: 'you have someone to talk to about being in care',
  knows_pa: 'you have a personal adviser, or PA',
  pathway_plan: 'you have a say in your pathway plan',
  knows_entitlements: 'you know what help you can get as a care leaver',
  trusts_pa: 'you trust your PA',
  contact_pa: 'you can get in touch with your PA when you need to',
  pa_changes: 'your PA changed no more than once last year',
  home_right: 'your home is right for you',
  home_moves: 'you moved home no more than once last year',
  safe_neighbourhood: 'you feel safe in your area',
  believes_in_you: 'you have someone who believes in you',
  emotional_support: 'you have people who help you when you feel low',
  disability_support: 'you get the help you need with your health or disability',
  cope_financially: 'you hardly ever or never find it hard to cope with money',
  goes_without: 'you hardly ever or never go without things you need, like food or heat',
  ready_independence: 'you have the skills to live on your own',
  treated_worse: 'you are not treated worse than others because you were in care',
  feels_relaxed: 'you feel relaxed all or most of the time',
  feels_down: 'you hardly ever or never feel down',
  lonely: 'you hardly ever or never feel lonely',
  stressed: 'you hardly ever or never feel stressed',
  goals_future: 'you have goals or plans for the future',
};

/** Care leavers look back on care, so a few phrases change tense. */
export const POSITIVE_CARE_LEAVERS: Readonly<Record<string, string>> = {
  care_explained: 'an adult told you why you were in care',
};

/** Well-being items: the good answer, and how it was given on each kind of scale. */
export const FEELINGS: Readonly<Record<string, { readonly phrase: string; readonly ons: string; readonly faces: string }>> = {
  life_satisfaction: { phrase: 'you are happy with your life', ons: 'giving it 7 or more out of 10', faces: 'picking one of the two happiest faces' },
  happy_yesterday: { phrase: 'you felt happy yesterday', ons: 'giving it 7 or more out of 10', faces: 'picking one of the two happiest faces' },
  worthwhile: { phrase: 'the things you do in life are worth doing', ons: 'giving it 7 or more out of 10', faces: 'picking one of the two happiest faces' },
  positive_future: { phrase: 'you feel good about the future', ons: 'giving it 7 or more out of 10', faces: 'picking one of the two happiest faces' },
  anxious_yesterday: { phrase: 'you felt calm yesterday, not worried', ons: 'giving worry 3 or less out of 10', faces: 'picking one of the two happiest faces' },
  life_getting_better: { phrase: 'your life is getting better', ons: '', faces: '' },
};

/** The poor band of a 0 to 10 item, for findings about low scores. */
export const LOW: Readonly<Record<string, string>> = {
  life_satisfaction: 'you are not happy with your life, giving it 4 or less out of 10',
  happy_yesterday: 'you did not feel happy yesterday, giving it 4 or less out of 10',
  worthwhile: 'the things you do in life are not worth much, giving it 4 or less out of 10',
  anxious_yesterday: 'you felt very worried yesterday, giving it 6 or more out of 10',
};

/**
 * The answers a published figure counts when it is not the good answer (its `not_positive` or
 * `answers` measure), keyed by indicator.
 */
export const NOT_GOOD: Readonly<Record<string, string>> = {
  good_friend: 'you do not have a really good friend',
  bullying_afraid: 'you are sometimes, or more often, scared to go to school because of bullies',
  care_explained: 'no one has fully told you why you are in care',
  social_worker_changes: 'you had 3 or more social workers in the last year',
  lonely: 'you feel lonely all or most of the time',
  cope_financially: 'you find it hard to cope with money all or most of the time',
};

/** The order in which "How you feel about your life" lists well-being items. */
export const FEELINGS_ORDER = ['life_satisfaction', 'happy_yesterday', 'positive_future', 'life_getting_better', 'anxious_yesterday', 'worthwhile'] as const;
