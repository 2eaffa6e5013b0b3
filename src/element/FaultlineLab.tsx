// `<faultline-lab>`: the lab as an embedded figure on any page. Each element owns its own store,
// worker and run loop, so several on one page run independently; all of it ends on disconnect.
// It is as tall as its content needs (the same height an iframe asks its host for), unless the
// page gave it a height: then the lab scrolls inside that.
import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createAppStore, type AppStore } from '../store/appStore';
import { StoreContext } from '../store/context';
import { createLessonStore } from '../store/lessonStore';
import { startRunLoop } from '../store/runLoop';
import { App } from '../view/App';
import { LabBoundary } from '../view/common/LabBoundary';
import { rootErrorOptions } from '../view/common/rootErrorOptions';
import { LessonContext } from '../view/lessons/lessonContext';
import { applyDisplayOptions } from '../view/share/applyDisplayOptions';
import { DisplayContext } from '../view/share/displayContext';
import { OBSERVED_ATTRIBUTES, readAttributes, type ConfigResult, type ElementConfig } from './attributes';
import type { SimPort } from '../worker/labProtocol';
import { createInlineWorkerPort } from './inlineWorkerPort';
import { injectStyles } from './styles';
import { watchNeededHeight } from '../view/layout/neededHeight';

interface Running {
  readonly root: Root;
  /** Stops the run loop and the worker; nothing for an element that shows a problem. */
  readonly stopLab: () => void;
}

export class FaultlineLab extends HTMLElement {
  static readonly observedAttributes = OBSERVED_ATTRIBUTES;
  private running: Running | null = null;
  /** The height this element gave itself, to tell it from one the page set. */
  private ownHeight = '';

  connectedCallback(): void {
    injectStyles(this.ownerDocument);
    this.toggleAttribute('data-page-height', this.pageSetsHeight());
    this.start();
  }

  /** Empty and not yet sized by us, the element is 0 px tall unless the page gave it a height. */
  private pageSetsHeight(): boolean {
    if (this.style.height !== '' && this.style.height !== this.ownHeight) return true;
    if (this.ownHeight !== '') return false;
    return this.childElementCount === 0 && this.getBoundingClientRect().height > 0;
  }

  disconnectedCallback(): void {
    this.stop();
  }

  /** A changed attribute starts the lab again from the new settings (a run is cheap to rebuild). */
  attributeChangedCallback(_name: string, oldValue: string | null, newValue: string | null): void {
    if (oldValue === newValue || !this.running) return;
    this.stop();
    this.start();
  }

  private start(): void {
    const content = this.ownerDocument.createElement('div');
    content.className = 'faultline-lab-content';
    this.replaceChildren(content);
    const root = createRoot(content, rootErrorOptions);
    const stopSizing = this.hasAttribute('data-page-height')
      ? () => {}
      : watchNeededHeight(content, (height) => {
          this.ownHeight = `${height}px`;
          this.style.height = this.ownHeight;
        });
    const result = readAttributesSafely(this);
    if (!result.ok) {
      root.render(<AttributeProblems problems={result.problems} />);
      this.running = { root, stopLab: stopSizing };
      return;
    }
    let port: SimPort;
    try {
      port = createInlineWorkerPort();
    } catch (error) {
      // E.g. a page whose Content-Security-Policy allows no blob: or data: workers.
      const reason = error instanceof Error ? error.message : String(error);
      root.render(<AttributeProblems problems={[`Its simulation worker could not be started: ${reason}`]} />);
      this.running = { root, stopLab: stopSizing };
      return;
    }
    const store = createAppStore(port, result.config.scenarioId, result.config.seed);
    // No storage: lesson progress belongs to the full lab, not to a figure on someone's page.
    const lessons = createLessonStore(store, null);
    startExperiment(store, result.config);
    applyDisplayOptions(store, lessons, result.config.options, []);
    const stopRunLoop = startRunLoop(store);
    this.running = {
      root,
      stopLab: () => {
        stopSizing();
        stopRunLoop();
        port.close();
      },
    };
    root.render(
      <StrictMode>
        <StoreContext.Provider value={store}>
          <LessonContext.Provider value={lessons}>
            <DisplayContext.Provider value={result.config.options}>
              <LabBoundary reloadable={false}>
                <App />
              </LabBoundary>
            </DisplayContext.Provider>
          </LessonContext.Provider>
        </StoreContext.Provider>
      </StrictMode>,
    );
  }

  private stop(): void {
    if (!this.running) return;
    const { root, stopLab } = this.running;
    this.running = null;
    root.unmount();
    stopLab();
  }
}

/**
 * Reading the attributes is meant never to throw; if it ever did, the element would be left dead
 * (attributeChangedCallback restarts only a running one), so the error is shown as a problem.
 */
function readAttributesSafely(element: Element): ConfigResult {
  try {
    return readAttributes(element);
  } catch (error) {
    return { ok: false, problems: [`Its attributes could not be read: ${(error as Error).message}`] };
  }
}

/** Replays the `experiment` attribute's run, after the store's own first run so it replaces it. */
function startExperiment(store: AppStore, { experiment }: ElementConfig): void {
  if (!experiment) return;
  queueMicrotask(() => store.getState().actions.openExperiment(experiment));
}

function AttributeProblems({ problems }: { problems: readonly string[] }) {
  return (
    <div className="lab is-embed faultline-lab-problem" role="alert">
      <p>
        <strong>This Faultline lab could not start.</strong>
      </p>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
