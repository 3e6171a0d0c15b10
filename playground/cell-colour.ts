/**
 * Which cell background colours the playground page may draw. A colour comes
 * from the sheet (any script can set any string), so only a hex colour or a
 * CSS colour name passes: nothing else can reach a style attribute.
 */

/** The CSS named colours (CSS Color Module Level 4), which Sheets' setBackground also accepts. */
const NAMED = new Set(
  `aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray
darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue
darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite
forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory
khaki lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen
lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime
limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive
olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue
slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke
yellow yellowgreen`.split(/\s+/),
);

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/;
const WHITE = new Set(['#fff', '#ffffff', 'white']);

/** The colour in lower case if it is a #rgb or #rrggbb colour or a CSS colour name; otherwise undefined. */
export function safeColour(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 32) return undefined;
  const colour = value.trim().toLowerCase();
  return HEX.test(colour) || NAMED.has(colour) ? colour : undefined;
}

/** A background worth drawing: a safe colour other than the sheet's default white. */
export function drawnBackground(value: unknown): string | undefined {
  const colour = safeColour(value);
  return colour === undefined || WHITE.has(colour) ? undefined : colour;
}
