import { Component, type ErrorInfo, type ReactNode } from 'react';
import { i18next } from '../i18n';
import { Trans } from 'react-i18next';

interface Props {
  /** What the region is, for the message: "The canvas", "The cost panel". */
  readonly region: string;
  readonly children: ReactNode;
}

interface State {
  readonly error: Error | undefined;
}

/**
 * Keeps a failure in one region of the page from blanking the rest: the region shows what went
 * wrong in a sentence and a way back; the design itself lives in the store and is autosaved.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for whoever debugs it; the user sees the sentence below, never the stack.
    console.warn(`${this.props.region} failed:`, error.message, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    return (
      <div className="region-error" role="alert">
        <p>
          <Trans
            i18nKey="regionError"
            ns="app"
            values={{ region: this.props.region, message: error.message }}
            components={{ strong: <strong /> }}
          />
        </p>
        <button
          type="button"
          className="button"
          onClick={() => {
            this.setState({ error: undefined });
          }}
        >
          {i18next.t('app:tryAgain')}
        </button>
      </div>
    );
  }
}
