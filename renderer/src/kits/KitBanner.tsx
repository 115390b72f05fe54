import type { KitInfo } from '../../../shared/kits/kit-report';
import { kitText } from './kit-text';
import './kits.css';

/** Under the header of a rapporteur's kit: whose it is, of which conference and version. */
export function KitBanner({ kit }: { kit: KitInfo | null | undefined }) {
  if (!kit) return null;
  return (
    <div className="kit-banner" role="status" aria-label="Rapporteur kit">
      <strong>{kitText.banner(kit)}</strong> {kitText.bannerMore}
    </div>
  );
}
