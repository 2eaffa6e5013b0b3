// "Send poison requests": requests that crash whichever app server handles them; with retries
// on, one poison request can take down server after server.
import { useState } from 'react';
import { selectActions } from '../../store/selectors';
import { useApp } from '../../store/context';
import { NumberField } from '../controls/NumberField';

export function PoisonForm() {
  const actions = useApp(selectActions);
  const [count, setCount] = useState(1);
  return (
    <fieldset className="form-group">
      <legend>Poison requests</legend>
      <NumberField
        label="How many"
        value={count}
        onCommit={setCount}
        integer
        min={1}
        max={1000}
        size={5}
        hint="Each one crashes the app server that handles it; a retry carries it to the next server."
      />
      <div className="form-actions">
        <button
          type="button"
          onClick={() =>
            actions.apply(
              { type: 'sendPoisonRequests', count },
              count === 1 ? 'Poison request' : `${count} poison requests`,
            )
          }
        >
          Send poison requests
        </button>
      </div>
    </fieldset>
  );
}
