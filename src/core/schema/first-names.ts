/**
 * Common given names in the languages our users write in (Russian, Ukrainian,
 * Romanian, English) — only used to tell the order of a two-word full name.
 * Compared lower-case, with Cyrillic ё folded to е.
 */
const NAMES = `
александр алексей анатолий андрей антон аркадий артем артём борис вадим валентин валерий василий виктор виталий владимир владислав
вячеслав геннадий георгий глеб григорий даниил данил денис дмитрий евгений егор иван игорь илья кирилл константин лев леонид максим
марк матвей михаил никита николай олег павел петр пётр роман руслан сергей станислав степан тимофей тимур федор фёдор филипп эдуард юрий ярослав
саша сергій андрій олександр олексій дмитро микола михайло юрій василь богдан тарас остап ігор віктор володимир петро іван
анна алена алёна алина алла анастасия ангелина валентина валерия вера виктория галина дарья диана ева евгения екатерина елена елизавета
жанна зоя инна ирина карина кира кристина ксения лариса лидия любовь людмила маргарита марина мария надежда наталья наталия нина оксана
ольга полина раиса светлана софия софья тамара татьяна ульяна юлия яна олена оксана ганна наталія тетяна ірина юлія людмила катерина
ion ioan andrei alexandru mihai gheorghe vasile constantin dumitru nicolae florin adrian cristian daniel bogdan marius stefan ștefan radu
vlad victor sorin ionut ionuț catalin cătălin george emil ovidiu lucian dan mircea
maria elena ioana ana andreea mihaela cristina alexandra gabriela daniela simona roxana irina alina florina monica raluca diana larisa
john james robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew
joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
brandon benjamin samuel peter alexander patrick jack dennis jerry tyler aaron henry adam nathan zachary kyle walter harold carl jeremy
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna
michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia kate
alex sam max ivan olga natalia natalya tatiana svetlana sergey sergei dmitry dmitri alexey andrey nikolay pavel yuri yury igor oleg
`;

const KNOWN = new Set(
  NAMES.split(/\s+/)
    .filter(Boolean)
    .map((n) => n.replace(/ё/g, 'е')),
);

export function isKnownFirstName(word: string): boolean {
  return KNOWN.has(word.toLowerCase().replace(/ё/g, 'е'));
}
