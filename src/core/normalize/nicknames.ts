/**
 * Given names and their nicknames/diminutives in English, Russian and
 * Ukrainian, written for this project. One line is one name family: the first
 * word is the full name, the rest are forms people use for it in a client list
 * (short forms, diminutives, the same name in the other languages or
 * alphabets). A nickname may belong to several families (Sasha: Alexander and
 * Alexandra; Al: Albert, Alfred, Alan…). Latin romanisations of the Cyrillic
 * forms need not be listed: lookups go through `latinSkeleton`.
 */
import { latinSkeleton } from './translit';

const FAMILIES = `
alexander alex alec alek al sandy xander lex alexandr aleksandr aleksander alessandro alejandro alexandre sacha александр саша шура саня санек санёк сашка сашок алекс олександр олесь сашко
alexandra alex alexa lexi lexie sandra sanda sandy sasha alexandria aleksandra alessandra alejandra александра саша шура сашенька саня олександра леся
albert al bert bertie albie альберт алик
alfred al alf alfie fred freddie freddy альфред
alan al allan allen alun алан
andrew andy drew andre andrei andrey andrzej андрей андрюша андрюха дрон андрій андрійко
anthony tony ant anton антон антоша тоша антін
benjamin ben benny benji бенджамин вениамин веня
charles charlie chuck chas chaz carl karl карл
christopher chris kit topher kris christoph кристофер
christian chris christy kristian кристиан
daniel dan danny dani данил даниил даниил даня данила данило данко
david dave davey davy давид дэвид додик
edward ed eddie ted teddy ned эдуард эдик едуард
edmund ed eddie ned
elizabeth liz lizzie lizzy beth betty bess bessie eliza elsie libby lisa liza lisbeth elisabeth елизавета лиза лизавета лизонька єлизавета
francis frank frankie fran
frances fran frannie fanny francesca
frederick fred freddie freddy fritz фридрих
gregory greg gregg grigoriy grigory григорий гриша гоша григорій гриць
henry harry hank hal henri heinrich генри генрих
james jim jimmy jamie jim джеймс
jacob jake jakob yakov яков яша якiв яків
jennifer jen jenny jenn
jessica jess jessie jessi
charlotte lottie lotte lotty charlie шарлотта лотта
john johnny jack jon jonny johann johannes джон
jonathan jon jonny nathan
joseph joe joey jo josef иосиф осип ося йосип
josephine jo josie jojo
katherine kate kathy katie kat kathryn catherine cathy cat kitty kay kathleen karen ekaterina yekaterina екатерина катя катюша катерина катруся катька
lawrence larry laurie lawrie laurence
leonard leo len lenny leon леонид леня лёня льоня леонід
margaret maggie meg peggy marge margie madge greta gretchen daisy maisie margarita маргарита рита марго
mary molly polly mae mamie maria marie mariya marya мария маша маня муся марія маруся марійка
matthew matt matty matthias matvey матвей матвій мотя
michael mike mikey mick micky mickey mikhail mihail michal miguel михаил миша мишка михайло михась
nicholas nick nicky nico nikolai nikolay niklas klaus николай коля колян никола микола миколка
nicole nicky nikki colette
patrick pat paddy patsy
patricia pat patty trish tricia patsy
peter pete petr pyotr piotr pierre pedro пётр петр петя петро петрусь
philip phil pip felipe filipp филипп филя пилип
richard rick ricky dick rich richie
robert rob bob bobby robbie bert bertie robin роберт
ronald ron ronnie
samuel sam sammy самуил
samantha sam sammy
stephen steve stevie steven stefan stepan степан стёпа степа стефан
susan sue susie suzy suzanne susanna сусанна
theodore ted teddy theo fedor fyodor федор фёдор федя тео феодор
thomas tom tommy thom tomas фома томас
timothy tim timmy тимофей тима тимоша тимофій
victoria vicky vicki tori viktoria виктория вика вікторія
william will bill billy willie willy liam wil
zachary zach zack zak
abigail abby abbie gail
anne ann anna annie nan nancy hannah anya ania анна аня анюта нюра нюша ганна ганя анечка
barbara barb babs barbie варвара варя
deborah deb debbie debby
dorothy dot dottie dolly dora
eleanor ellie nell nellie nora elle elinor
emily em emmy emma millie
isabel isabella izzy bella belle isobel
jacqueline jackie jacqui
judith judy jude
louise lou lulu louisa
penelope penny
rebecca becky becca
sarah sara sally sadie сара
theresa teresa terry tess tessa
virginia ginny ginger
benedict ben benny
bradley brad
cameron cam
douglas doug
eugene gene evgeny evgeniy yevgeny евгений женя жека евгеша євген євгеній
eugenia evgenia yevgenia jenny евгения женя женечка євгенія
gerald gerry jerry
gordon gordie
harold harry hal
howard howie
jeffrey jeff geoffrey geoff
kenneth ken kenny
leslie les
martin marty мартин
maxwell max
maximilian max maxim maksim максим макс максимка
mitchell mitch
nathaniel nathan nate nat
oliver ollie olly
raymond ray
reginald reg reggie
russell russ
terence terry
walter walt wally
alice ally allie alicia
amanda mandy
caroline carrie carol lina
christine chris chrissie tina christina kristina kristine кристина кристя христина
cynthia cindy
diana di diane
dorothea dora
gabriel gabe gabby гавриил гаврила
gabrielle gabby gabi
helen nell nellie ellen elena yelena olena lena helena елена лена леночка алёна олена оленка
jane janie jenny janet
julia julie jules yulia yuliya iuliia юлия юля юлька юлія
kimberly kim
madeline maddie maddy madeleine
melissa mel missy
pamela pam
rosemary rose rosie
stephanie steph stephie
valerie val valeria валерия лера валерія
vincent vince vinny
# Russian / Ukrainian families
aleksei alexey alexei alex алексей лёша леша алёша алеша лёха леха олексій льоша
anastasia anastasiya nastya настя настасья стася анастасия анастасія
boris борис боря
vadim вадим вадик
valentin валентин валя валик
valentina валентина валя валюша
valery valeriy валерий валера валерій
vasily vasiliy vasili basil василий вася васька василь
vera вера верочка віра
viktor victor витя виктор вітя віктор
vitaly vitaliy виталий виталик витя віталій
vladimir volodymyr vova volodya вова володя владимир вовка володимир вовчик володька
vladislav vlad влад владислав владик славик
vyacheslav slava вячеслав слава славик вячеслав
galina halyna галина галя галочка
gennady gennadiy гена геннадий геннадій
georgy georgiy george yegor egor jorge георгий гоша жора егор георгій
yuri yuriy yury iurii юрий юра юрка юрась
denis dennis денис дениска
dmitry dmitriy dmitrii dima митя dimitri dimitris дмитрий дима митя димка дмитро дмитрик
yekaterina ekaterina katya katia катерина катя
elena yelena lena алёна олена лена
zhanna zhannа жанна
zinaida зинаида зина
ivan ivanko ваня иван ванька ванюша іван івась
igor игорь игорёк ігор
ilya elijah illia илья илюша ілля
inna инна
irina iryna ira ирина ира ирочка ірина іра
kirill kiril кирилл киря кирюша кирило
konstantin костя константин костик костянтин
ksenia kseniya oksana xenia ксения ксюша оксана ксеня ксана оксанка
larisa larissa лариса лара
lyubov любовь люба любаша любов
lyudmila ludmila люда людмила мила людочка людмила
marina марина мариша
nadezhda nadiya nadia надежда надя надія
natalia natalya natalie natasha nataliya наталья наталия наташа ната наталія наталка
nikita никита ника микита
nina нина ниночка ніна
oleg олег олежка олег
olga olha ольга оля олечка ольга
pavel paul pasha павел паша павлик павло павлусь
polina полина поля
roman roma роман рома ромка
ruslan руслан руся
svetlana sveta света светлана светик світлана
sergey sergei serge serhiy serhii сергей серёжа сережа серега серый сергій сергійко
stanislav stas станислав стас слава станіслав
taras тарас тарасик
tatiana tatyana tanya tania таня татьяна танюша тетяна
tamara тамара тома
yaroslav ярослав ярик слава ярослав
yaroslava ярослава яся
yevdokia evdokia дуня евдокия
yulian юлиан юліан
zoya зоя
anatoly anatoliy tolya анатолий толя толик анатолій
arkady arkadiy аркадий аркаша
artem artyom artemiy артём артем тёма артемий артемій
bogdan bohdan богдан бодя богданчик
bogdana bohdana богдана дана даня богданка
daria darya dasha дарья даша дарина
eduard эдуард эдик едуард
fedor фёдор федя
leonid леонид лёня леня
lidia lidiya лидия лида лідія
maksim maxim максим макс
mikhail михаил миша михайло
nikolai николай коля микола
oleksandr олександр сашко
petr пётр петя петро
alina алина аля
alla алла аля
angelina ангелина геля
antonina антонина тоня
veronika veronica вероника ника вероніка
vasilisa василиса
vladislava влада
yana яна
evgenia евгения женя
elizaveta елизавета лиза
mariana marianna марьяна мар'яна
rostislav rostyslav ростислав ростик слава
stepan степан стёпа
taisia таисия тая
ulyana ульяна уля уляна
arsen arseniy арсений арсен сеня арсеній
semyon semen семён сеня семен
timur тимур
kristina кристина кристя
lev лев лёва
grigory григорий гриша
# Romanian families
ion ioan ionut ionuț ionel nelu ionică иона
ioana oana ioanela
gheorghe george gică gigel ghiță георге
vasile vasilică sile вася василе
constantin costel costică costi костел
mihai mihail mihăiță михай
mihaela mihaella ela
nicolae nicu nicușor николае
nicoleta nico
andrei andrieș
maria mărioara mia
elena lenuța ela
ana anuța
anca ancuța
alexandru alex sandu sandel александру
dumitru dumitrița mitică mitru думитру
octavian tavi octav октавиан
ștefan stefan fănel fane штефан
daniela dana dani
gabriela gabi
cristian cristi
cristina cristi
valentina vali
florin florică
adrian adi
ionela nela
# More Ukrainian / Russian forms
olena olenka оленка
hanna ганна ганя ганнуся
mykola микола миколка
petro петро петрик
vasyl василь васильок
yuriy юрко
`;

const NON_WORD = /^#/;

/**
 * Families of women's names that do not end in -a (most do: Александра,
 * Ioana, Maria); and men's names that do. Used to tell Александр from
 * Александра and Ion from Ioana: two people, not a nickname.
 */
const FEMALE_NOT_A = new Set(
  'elizabeth frances jennifer katherine margaret mary nicole susan abigail anne deborah dorothy eleanor emily isabel jacqueline judith louise penelope rebecca sarah theresa alice caroline christine cynthia gabrielle helen jane kimberly madeline rosemary stephanie valerie lyubov'.split(
    ' ',
  ),
);
const MALE_A = new Set('nikita ilya luca mircea toma sava kuzma foma danila'.split(' '));

/** The full forms that head a family line (Ion, Ioana, Alexander). */
const heads = new Set<string>();

/** Gender per family id: 'm' or 'f'. */
const familyGender: Array<'m' | 'f'> = [];

function buildIndex(): Map<string, number[]> {
  const index = new Map<string, number[]>();
  let family = 0;
  for (const line of FAMILIES.split('\n')) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length < 2 || NON_WORD.test(words[0])) continue;
    const head = words[0];
    heads.add(latinSkeleton(head));
    familyGender[family] = FEMALE_NOT_A.has(head) || (head.endsWith('a') && !MALE_A.has(head)) ? 'f' : 'm';
    for (const word of words) {
      const key = latinSkeleton(word);
      if (key === '') continue;
      const families = index.get(key);
      if (!families) index.set(key, [family]);
      else if (!families.includes(family)) families.push(family);
    }
    family++;
  }
  return index;
}

let familyIndex: Map<string, number[]> | undefined;

/**
 * The table as skeletons, one family a line (first the full name), for the
 * sidebar's search: sent with its client index rather than bundled, so the
 * browser finds Александр from "Саша" without the table in its size budget.
 */
export function nicknameTable(): string {
  const lines: string[] = [];
  for (const line of FAMILIES.split('\n')) {
    const words = line.trim().split(/\s+/).filter(Boolean);
    if (words.length < 2 || NON_WORD.test(words[0])) continue;
    lines.push([...new Set(words.map(latinSkeleton).filter(Boolean))].join(' '));
  }
  return lines.join('\n');
}

/** Ids of the name families a given name belongs to (empty when the name is not in the table). */
export function nameFamilies(name: string): readonly number[] {
  return familiesOfSkeleton(latinSkeleton(name));
}

/** `nameFamilies` for a name whose `latinSkeleton` is already known. */
export function familiesOfSkeleton(skeleton: string): readonly number[] {
  familyIndex ??= buildIndex();
  return familyIndex.get(skeleton) ?? NONE;
}

const NONE: readonly number[] = Object.freeze([]);

/** True when two given names can be the same person's (Rob and Robert, Саша and Alexander). */
export function areNicknameEquivalent(a: string, b: string): boolean {
  const fa = nameFamilies(a);
  if (fa.length === 0) return false;
  const fb = nameFamilies(b);
  return fb.some((f) => fa.includes(f));
}

/** True when the word is a given name the table knows (used to tell first from last name in a full name). */
export function isKnownGivenName(name: string): boolean {
  return nameFamilies(name).length > 0;
}

/**
 * 'm' or 'f' when every family the name belongs to is of that gender
 * (Александр, Ioana); undefined for names the table does not know and for
 * forms both use (Саша, Sasha, Alex, Женя).
 */
export function genderOfSkeleton(skeleton: string): 'm' | 'f' | undefined {
  const families = familiesOfSkeleton(skeleton);
  // Short pet forms (Lex, Lexi, Sam, Val) cross genders too often to be read as one.
  if (families.length === 0 || (skeleton.length < 6 && !heads.has(skeleton))) return undefined;
  const first = familyGender[families[0]];
  for (const f of families) if (familyGender[f] !== first) return undefined;
  return first;
}
