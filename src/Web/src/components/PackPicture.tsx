/**
 * A drawn picture of the pack by its form (box of tablets or capsules, tube, bottle, inhaler, pen,
 * spray): nothing is fetched from elsewhere, and it says what kind of pack it is.
 */
type Pack = "box" | "tube" | "bottle" | "inhaler" | "pen" | "spray";

function packOf(form: string): Pack {
  const f = form.toLowerCase();
  if (f.includes("cream") || f.includes("gel") || f.includes("ointment")) return "tube";
  if (f.includes("syrup") || f.includes("solution") || f.includes("suspension") || f.includes("drops")) return "bottle";
  if (f.includes("inhaler")) return "inhaler";
  if (f.includes("pen") || f.includes("injection")) return "pen";
  if (f.includes("spray")) return "spray";
  return "box";
}

const names: Record<Pack, string> = {
  box: "a box",
  tube: "a tube",
  bottle: "a bottle",
  inhaler: "an inhaler",
  pen: "a pen",
  spray: "a spray bottle",
};

const shapes: Record<Pack, React.ReactNode> = {
  box: (
    <>
      <rect x="14" y="26" width="72" height="48" rx="4" fill="#dbe8f7" stroke="#0b5cad" strokeWidth="3" />
      <rect x="14" y="26" width="72" height="14" rx="4" fill="#0b5cad" />
      <circle cx="38" cy="58" r="7" fill="#fff" stroke="#0b5cad" strokeWidth="2" />
      <circle cx="60" cy="58" r="7" fill="#fff" stroke="#0b5cad" strokeWidth="2" />
    </>
  ),
  tube: (
    <>
      <path d="M20 40 L72 32 L72 68 L20 60 Z" fill="#dbe8f7" stroke="#0b5cad" strokeWidth="3" strokeLinejoin="round" />
      <rect x="72" y="42" width="12" height="16" rx="2" fill="#0b5cad" />
    </>
  ),
  bottle: (
    <>
      <rect x="38" y="14" width="24" height="12" rx="2" fill="#0b5cad" />
      <rect x="28" y="26" width="44" height="60" rx="8" fill="#dbe8f7" stroke="#0b5cad" strokeWidth="3" />
      <rect x="34" y="46" width="32" height="20" fill="#fff" stroke="#0b5cad" strokeWidth="2" />
    </>
  ),
  inhaler: (
    <>
      <rect x="40" y="10" width="22" height="50" rx="6" fill="#dbe8f7" stroke="#0b5cad" strokeWidth="3" />
      <path d="M34 58 H66 V76 H50 V90 H34 Z" fill="#0b5cad" />
    </>
  ),
  pen: (
    <>
      <rect x="12" y="42" width="70" height="16" rx="8" fill="#dbe8f7" stroke="#0b5cad" strokeWidth="3" />
      <rect x="82" y="46" width="8" height="8" fill="#0b5cad" />
      <rect x="24" y="46" width="20" height="8" fill="#0b5cad" />
    </>
  ),
  spray: (
    <>
      <path d="M44 10 H56 V26 H44 Z" fill="#0b5cad" />
      <rect x="32" y="26" width="36" height="62" rx="8" fill="#dbe8f7" stroke="#0b5cad" strokeWidth="3" />
    </>
  ),
};

/** In a list, where each card says the form in words, the picture is decoration and is not announced. */
export function PackPicture({ form, size = 96, decorative = false }: { form: string; size?: number; decorative?: boolean }) {
  const pack = packOf(form);
  const label = decorative ? { "aria-hidden": true } : { role: "img", "aria-label": `Picture of ${names[pack]}` };
  return (
    <svg className="pack-picture" width={size} height={size} viewBox="0 0 100 100" {...label}>
      {shapes[pack]}
    </svg>
  );
}
