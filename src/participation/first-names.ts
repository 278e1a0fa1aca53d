/**
 * Common first names in the UK (children in care and care leavers are 4 to 25: names given from about
 * 2000 onwards, from ONS baby-name tables, plus a few long-standing ones). Used only to spot a young
 * person's name typed into a short text field; words that are also everyday English (Will, May, Hope)
 * are left out, so "will visit" or "hope to meet" is never mistaken for a name.
 */
const NAMES = `
Aaliyah Aaron Abdul Abdullah Abigail Ada Adam Aidan Aiden Aisha Alex Alexander Alexandra Alfie Alice Alicia Alisha Amber Amelia Amelie
Amir Amy Ana Andrew Anna Annabelle Archie Aria Ariana Arthur Aryan Ashley Ava Ayaan Ayesha Bailey Beatrice Bella Ben Benjamin Bethany
Billy Blake Bobby Bonnie Brandon Brooke Caitlin Callum Cameron Carter Casey Charles Charlie Charlotte Chelsea Chloe Christopher Ciara
Connor Conor Courtney Daisy Daniel Danielle Darcy David Declan Dexter Dylan Eden Edward Eleanor Elijah Elizabeth Ella Ellie Eliza
Elliot Elliott Eloise Elsie Emily Emma Erin Ethan Eva Evan Evie Ewan Ezra Fatima Felix Finlay Finley Finn Florence Frankie Freddie
Freya Gabriel Georgia Georgie George Gracie Hamza Hannah Harley Harriet Harrison Harry Harvey Hassan Hayden Hollie Holly Hugo Ibrahim
Imogen Isaac Isabel Isabella Isabelle Isla Ivy Jacob Jade Jake Jamal James Jamie Jasmine Jay Jayden Jenna Jennifer Jessica Jodie Joel
John Jordan Joseph Joshua Jude Julia Kacper Kai Kayden Kayla Keira Kian Kieran Kyle Lacey Lara Laura Lauren Layla Leah Leila Leo Leon
Lewis Liam Lilly Lily Logan Lola Louie Louis Louise Luca Lucas Lucy Luke Lydia Maddison Madison Maisie Maisy Maria Martha Maryam Mason
Matilda Matthew Megan Mia Michael Mila Millie Mohammad Mohammed Molly Muhammad Nancy Naomi Nathan Niamh Nicole Noah Oliver Olivia Ollie
Oscar Owen Paige Patrick Penelope Phoebe Piper Poppy Reece Reuben Rhys Riley Robert Rory Rosie Ruby Ryan Sam Samuel Sara Sarah Scarlett
Sebastian Shannon Sienna Sofia Sophia Sophie Stanley Tayla Taylor Teddy Theo Theodore Thomas Tia Tilly Toby Tommy Tyler Victoria
Violet Willow Zac Zach Zachary Zain Zak Zara Zoe Zofia
`;

/** The names, for lookups by exact (capitalised) spelling. */
export const FIRST_NAMES: ReadonlySet<string> = new Set(NAMES.split(/\s+/).filter(Boolean));
