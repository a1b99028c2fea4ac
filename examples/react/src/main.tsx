// A small React app with Collectkit's calculator: the wrapper component, its typed events in React
// state, and the estimate's expected net shown outside the widget.
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { CollectQuote, type QuoteEventDetail } from '@collectkit/react';

function formatMinor({ amount, currency }: { amount: number; currency: string }): string {
  // Amounts are integer minor units; Intl divides only for display.
  return new Intl.NumberFormat('da-DK', { style: 'currency', currency }).format(amount / 100);
}

function App() {
  const [estimate, setEstimate] = useState<QuoteEventDetail | null>(null);
  const [error, setError] = useState('');
  return (
    <main style={{ maxWidth: 640, margin: '2em auto', fontFamily: 'system-ui' }}>
      <h1>Hvad koster inkasso?</h1>
      <CollectQuote
        lang="da"
        country="DK"
        plan="member"
        onCollectQuote={(event) => {
          setEstimate(event.detail);
          setError('');
        }}
        onCollectError={(event) => setError(`${event.detail.code}: ${event.detail.message}`)}
      />
      {estimate?.expectedNet && <p>I kan forvente at modtage {formatMinor(estimate.expectedNet)} (beregnet {estimate.asOf}).</p>}
      {error && <p role="alert">{error}</p>}
    </main>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
