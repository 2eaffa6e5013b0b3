// Announces faults and recoveries in words for screen-reader users (polite: it waits its turn).
import { selectAnnouncement } from '../../store/selectors';
import { useApp } from '../../store/context';

export function LiveRegion() {
  const announcement = useApp(selectAnnouncement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {announcement}
    </div>
  );
}
