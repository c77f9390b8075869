/**
 * The subset of Adaptive Cards 1.5 this bot sends, as types: a card that does not fit cannot be built.
 * Tests parse every card with the `adaptivecards` library as well.
 */
export type TextSize = 'small' | 'default' | 'medium' | 'large';
export type TextColor = 'default' | 'good' | 'warning' | 'attention' | 'accent';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'bolder' | 'default';
  size?: TextSize;
  color?: TextColor;
  isSubtle?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
  style?: 'heading';
}

export interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'emphasis' | 'good' | 'warning' | 'attention' | 'accent';
  separator?: boolean;
  spacing?: 'none' | 'small' | 'medium' | 'large';
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export interface TableCell {
  type: 'TableCell';
  items: CardElement[];
}

export interface Table {
  type: 'Table';
  columns: Array<{ width: number }>;
  rows: Array<{ type: 'TableRow'; cells: TableCell[]; style?: 'emphasis' }>;
  firstRowAsHeader?: boolean;
  showGridLines?: boolean;
}

export type CardElement = TextBlock | FactSet | Container | ActionSet | Table;

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

export type CardAction = ExecuteAction | SubmitAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  msteams?: { width: 'Full' };
}

export function card(body: CardElement[], actions?: CardAction[], options: { fullWidth?: boolean } = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    ...(options.fullWidth ? { msteams: { width: 'Full' as const } } : {}),
  };
}

/**
 * A wrapping TextBlock. The shared messages quote commands in `backticks` (right for chat text); Adaptive Card
 * markdown has no code spans, so in cards they become bold.
 */
export function text(value: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value.replace(/`([^`]+)`/g, '**$1**'), wrap: true, ...options };
}

export function heading(value: string, color?: TextColor): TextBlock {
  return text(value, { size: 'medium', weight: 'bolder', style: 'heading', ...(color ? { color } : {}) });
}
