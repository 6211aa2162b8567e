import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** Shown instead of the region when it throws; the rest of the page keeps working. */
  fallback: ReactNode;
  children: ReactNode;
}

export class RegionErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('region failed', error, info.componentStack);
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
