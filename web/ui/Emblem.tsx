/**
 * The platform's mark: a five-petal pear blossom (梨花, for 梨树) on a red disc. Deliberately not
 * the national emblem, whose use is restricted by law.
 */
export function Emblem({ size = 48 }: { size?: number }) {
  const petals = [0, 72, 144, 216, 288];
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" role="img" aria-label="梨树县" className="ow-emblem">
      <circle cx="32" cy="32" r="31" fill="#c8161d" stroke="#f5d27a" strokeWidth="2" />
      <circle cx="32" cy="32" r="26" fill="none" stroke="#f5d27a" strokeWidth="1" opacity="0.7" />
      <g transform="translate(32 32)">
        {petals.map((deg) => (
          <ellipse key={deg} cx="0" cy="-10" rx="7.5" ry="10" fill="#fffaf0" transform={`rotate(${deg})`} />
        ))}
        <circle r="5" fill="#f5d27a" />
        {petals.map((deg) => (
          <circle key={`s${deg}`} cx="0" cy="-6.5" r="1.2" fill="#c8161d" transform={`rotate(${deg + 36})`} />
        ))}
      </g>
    </svg>
  );
}
