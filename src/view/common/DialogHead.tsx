// The head every modal dialog shares: its title (which names the dialog) and a Close button.
export function DialogHead({ id, title, onClose }: { id: string; title: string; onClose(): void }) {
  return (
    <div className="help-head">
      <h2 id={id}>{title}</h2>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
