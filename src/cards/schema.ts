/**
 * The subset of Adaptive Cards 1.5 this bot sends, as types: a card that does not fit cannot be built.
 * Tests parse every card with the `adaptivecards` library as well.
 */
export type TextSize = 'small' | 'default' | 'medium' | 'large';
export type TextColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';
export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large';

export interface TextStyle {
  weight?: 'bolder' | 'default';
  size?: TextSize;
  color?: TextColor;
  isSubtle?: boolean;
}

/** Markdown text. Only ever built from the bot's own words (see `block`). */
export interface TextBlock extends TextStyle {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  spacing?: Spacing;
  style?: 'heading';
}

/** A run of text that Teams never reads as markdown: where untrusted values go. */
export interface TextRun extends TextStyle {
  type: 'TextRun';
  text: string;
  fontType?: 'monospace';
}

export interface RichTextBlock {
  type: 'RichTextBlock';
  inlines: TextRun[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';
  separator?: boolean;
  spacing?: Spacing;
}

export interface Column {
  type: 'Column';
  width: 'auto' | 'stretch';
  items: CardElement[];
  verticalContentAlignment?: 'center';
}

export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: Spacing;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
  spacing?: Spacing;
}

export type CardElement = TextBlock | RichTextBlock | Container | ColumnSet | ActionSet;

/** Everything a button sends back. Plain JSON, validated again when it returns (see actions.ts). */
export type ActionPayload = Record<string, string>;

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: ActionPayload;
  style?: 'positive' | 'destructive';
}

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ActionPayload;
  style?: 'positive' | 'destructive';
  /** For clients without Universal Actions: the same action as a Submit. */
  fallback?: SubmitAction;
}

/** Opens a page: the dashboard tab (a Teams deep link) or, in local mode, its local address. */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = ExecuteAction | SubmitAction | OpenUrlAction;

/** Universal Actions refresh: Teams asks the bot for the current card when one of `userIds` opens the chat. */
export interface Refresh {
  action: { type: 'Action.Execute'; verb: string; data: ActionPayload };
  userIds?: string[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  refresh?: Refresh;
  msteams?: { width: 'Full' };
}

export function card(
  body: CardElement[],
  actions?: CardAction[],
  options: { fullWidth?: boolean; refresh?: Refresh } = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    ...(options.refresh ? { refresh: options.refresh } : {}),
    ...(options.fullWidth ? { msteams: { width: 'Full' as const } } : {}),
  };
}
