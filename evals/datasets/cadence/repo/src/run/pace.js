// Pace: seconds per kilometre, shown as m:ss.
export function paceOf(seconds, metres) {
  return metres > 0 ? seconds / (metres / 1000) : null;
}

export function formatPace(secondsPerKm) {
  if (secondsPerKm === null || !Number.isFinite(secondsPerKm)) return "–:––";
  const rounded = Math.round(secondsPerKm);
  return `${Math.floor(rounded / 60)}:${String(rounded % 60).padStart(2, "0")}`;
}
