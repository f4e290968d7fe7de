import {
  decodeMessage,
  decodeModel,
  encodeMessage,
  encodeModel,
  liftConstants,
  OnnxDataType,
  readAttribute,
  tensorFloats,
  type OnnxModel,
  type OnnxNode,
  type OnnxTensor,
} from './onnx-graph.js';

/**
 * PP-OCRv4's PPLCNetV3 blocks, as exported to ONNX, spend most of the detector's CPU outside the convolutions: each
 * convolution is followed by a learnable affine block (`Mul` by a scalar, `Add` a scalar), a hard-swish spelt out as
 * four element-wise ops (`Add 3`, `Clip 0..6`, `Mul`, `Div 6`) and a second affine block, seven passes over a large
 * feature map where the convolution is one. The same arithmetic, folded:
 *
 * - an affine block right after a convolution goes into the convolution's weights and bias (`s·(W∗x + B) + b`);
 * - an affine block right before a convolution without padding goes into it too (`W∗(s·x + b) = s·W∗x + b·ΣW`;
 *   with padding the border would differ, so those are left);
 * - the four-op hard-swish becomes `x · HardSigmoid(x)` (α = 1/6, β = 0.5: the same function in two ops, both in
 *   the models' own opsets 9 and 11).
 *
 * The results differ from the unfolded graph's only by float rounding (measured on seen pages' inputs: largest
 * difference 7e-5 in the detector's probability map and 3e-5 in the recogniser's, no pixel across the detector's
 * threshold and no recogniser column's best character changed).
 */

function scalarOf(model: OnnxModel, name: string): number | undefined {
  const tensor = model.initializers.get(name);
  if (!tensor || tensor.dataType !== OnnxDataType.float) return undefined;
  const values = tensorFloats(tensor);
  return values.length === 1 ? values[0] : undefined;
}

function floats(name: string, values: Float32Array, dims: number[]): OnnxTensor {
  return { name, dims, dataType: OnnxDataType.float, data: new Uint8Array(values.buffer.slice(0)) };
}

/** The scalar operand of a binary node whose other operand is a tensor, and that tensor's name. */
function scalarOperand(model: OnnxModel, node: OnnxNode): { value: number; input: string } | undefined {
  const [a, b] = node.inputs as [string, string];
  const sa = scalarOf(model, a);
  const sb = scalarOf(model, b);
  if (sb !== undefined && sa === undefined) return { value: sb, input: a };
  if (sa !== undefined && sb === undefined) return { value: sa, input: b };
  return undefined;
}

interface Graph {
  producer: Map<string, OnnxNode>;
  consumers: Map<string, OnnxNode[]>;
}

function graphOf(model: OnnxModel): Graph {
  const producer = new Map<string, OnnxNode>();
  const consumers = new Map<string, OnnxNode[]>();
  for (const node of model.nodes) {
    for (const output of node.outputs) producer.set(output, node);
    for (const input of node.inputs) consumers.set(input, [...(consumers.get(input) ?? []), node]);
  }
  return { producer, consumers };
}

const text = new TextDecoder();

/** The graph's output names (`ValueInfoProto.name`, field 1). */
function graphOutputNames(model: OnnxModel): Set<string> {
  return new Set(model.outputs.map((bytes) => text.decode(decodeMessage(bytes).find((f) => f.field === 1)!.value as Uint8Array)));
}

/** The only consumer of a tensor (not a graph output), if it has exactly one. */
function soleConsumer(graph: Graph, outputs: Set<string>, name: string): OnnxNode | undefined {
  const consumers = graph.consumers.get(name) ?? [];
  return consumers.length === 1 && !outputs.has(name) ? consumers[0] : undefined;
}

/** The affine block `Mul s` then optional `Add b` starting at a tensor's sole consumer. */
function affineAfter(model: OnnxModel, graph: Graph, outputs: Set<string>, name: string) {
  const mul = soleConsumer(graph, outputs, name);
  if (!mul || mul.opType !== 'Mul') return undefined;
  const scale = scalarOperand(model, mul);
  if (!scale || scale.input !== name) return undefined;
  const add = soleConsumer(graph, outputs, mul.outputs[0]!);
  const shift = add && add.opType === 'Add' ? scalarOperand(model, add) : undefined;
  if (add && shift && shift.input === mul.outputs[0]) return { nodes: [mul, add], scale: scale.value, shift: shift.value, output: add.outputs[0]! };
  return { nodes: [mul], scale: scale.value, shift: 0, output: mul.outputs[0]! };
}

function convWeights(model: OnnxModel, conv: OnnxNode): { weights: Float32Array; bias: Float32Array; dims: number[] } | undefined {
  const weightTensor = model.initializers.get(conv.inputs[1]!);
  if (!weightTensor || weightTensor.dataType !== OnnxDataType.float) return undefined;
  const channels = weightTensor.dims[0]!;
  const biasTensor = conv.inputs[2] ? model.initializers.get(conv.inputs[2]) : undefined;
  if (conv.inputs[2] && !biasTensor) return undefined;
  return { weights: tensorFloats(weightTensor), bias: biasTensor ? tensorFloats(biasTensor) : new Float32Array(channels), dims: weightTensor.dims };
}

function setConvWeights(model: OnnxModel, conv: OnnxNode, weights: Float32Array, bias: Float32Array, dims: number[]): void {
  // New names: a weight shared by two convolutions must not be changed under the other.
  const weightName = `${conv.outputs[0]}_folded_w`;
  const biasName = `${conv.outputs[0]}_folded_b`;
  model.initializers.set(weightName, floats(weightName, weights, dims));
  model.initializers.set(biasName, floats(biasName, bias, [bias.length]));
  conv.inputs = [conv.inputs[0]!, weightName, biasName];
}

/** Renames every use of tensor `from` to `to`. */
function rewire(model: OnnxModel, from: string, to: string): void {
  for (const node of model.nodes) node.inputs = node.inputs.map((name) => (name === from ? to : name));
}

/** Folds affine blocks into the convolution before them. Returns how many were folded. */
export function foldAffineAfterConvs(model: OnnxModel): number {
  let folded = 0;
  const outputs = graphOutputNames(model);
  for (const conv of model.nodes.filter((n) => n.opType === 'Conv')) {
    const graph = graphOf(model);
    const affine = affineAfter(model, graph, outputs, conv.outputs[0]!);
    const current = convWeights(model, conv);
    if (!affine || !current) continue;
    const { weights, bias, dims } = current;
    const nextWeights = weights.map((w) => w * affine.scale);
    const nextBias = bias.map((b) => b * affine.scale + affine.shift);
    setConvWeights(model, conv, nextWeights, nextBias, dims);
    const drop = new Set(affine.nodes);
    model.nodes = model.nodes.filter((n) => !drop.has(n));
    rewire(model, affine.output, conv.outputs[0]!);
    folded++;
  }
  return folded;
}

function hasNoPadding(conv: OnnxNode): boolean {
  const attributes = conv.attributes.map(readAttribute);
  const pads = attributes.find((a) => a.name === 'pads')?.ints ?? [];
  const autoPad = attributes.some((a) => a.name === 'auto_pad');
  return !autoPad && pads.every((p) => p === 0);
}

/** Folds affine blocks into the unpadded convolution after them. Returns how many were folded. */
export function foldAffineBeforeConvs(model: OnnxModel): number {
  let folded = 0;
  const outputs = graphOutputNames(model);
  for (const node of [...model.nodes]) {
    if (node.opType !== 'Mul') continue;
    const graph = graphOf(model);
    if (!model.nodes.includes(node)) continue;
    const scale = scalarOperand(model, node);
    if (!scale) continue;
    const affine = affineAfter(model, graph, outputs, scale.input);
    if (!affine || affine.nodes[0] !== node) continue;
    const conv = soleConsumer(graph, outputs, affine.output);
    if (!conv || conv.opType !== 'Conv' || conv.inputs[0] !== affine.output || !hasNoPadding(conv)) continue;
    const current = convWeights(model, conv);
    if (!current) continue;
    const { weights, bias, dims } = current;
    const perChannel = weights.length / dims[0]!;
    const nextBias = new Float32Array(bias.length);
    for (let c = 0; c < dims[0]!; c++) {
      let sum = 0;
      for (let i = c * perChannel; i < (c + 1) * perChannel; i++) sum += weights[i]!;
      nextBias[c] = bias[c]! + affine.shift * sum;
    }
    setConvWeights(
      model,
      conv,
      weights.map((w) => w * affine.scale),
      nextBias,
      dims,
    );
    conv.inputs[0] = scale.input;
    const drop = new Set(affine.nodes);
    model.nodes = model.nodes.filter((n) => !drop.has(n));
    folded++;
  }
  return folded;
}

/** A Clip's bounds: inputs 1 and 2 from opset 11, attributes `min` and `max` before. */
function clipBounds(model: OnnxModel, clip: OnnxNode): [number | undefined, number | undefined] {
  if (clip.inputs.length === 3) return [scalarOf(model, clip.inputs[1]!), scalarOf(model, clip.inputs[2]!)];
  const bounds: Record<string, number> = {};
  for (const attribute of clip.attributes) {
    const fields = decodeMessage(attribute);
    const name = fields.find((f) => f.field === 1);
    const value = fields.find((f) => f.field === 2 && f.wireType === 5);
    if (name && value) bounds[text.decode(name.value as Uint8Array)] = new DataView(Uint8Array.from(value.value as Uint8Array).buffer).getFloat32(0, true);
  }
  return [bounds.min, bounds.max];
}

/** An `AttributeProto` of type FLOAT (name 1, f 2, type 20 = 1). */
function floatAttribute(name: string, value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value, true);
  return encodeMessage([
    { field: 1, wireType: 2, value: new TextEncoder().encode(name) },
    { field: 2, wireType: 5, value: bytes },
    { field: 20, wireType: 0, value: 1n },
  ]);
}

/** `Div(Mul(y, Clip(Add(y, 3), 0, 6)), 6)` (either Mul order) becomes `Mul(y, HardSigmoid(y))`. Returns how many. */
export function fuseHardSwish(model: OnnxModel): number {
  const graph = graphOf(model);
  const outputs = graphOutputNames(model);
  const drop = new Set<OnnxNode>();
  const added = new Map<OnnxNode, OnnxNode>();
  let fused = 0;
  for (const add of model.nodes) {
    if (add.opType !== 'Add') continue;
    const three = scalarOperand(model, add);
    if (!three || three.value !== 3) continue;
    const y = three.input;
    const clip = soleConsumer(graph, outputs, add.outputs[0]!);
    if (!clip || clip.opType !== 'Clip') continue;
    const [low, high] = clipBounds(model, clip);
    if (low !== 0 || high !== 6) continue;
    const mul = soleConsumer(graph, outputs, clip.outputs[0]!);
    if (!mul || mul.opType !== 'Mul' || !mul.inputs.includes(y)) continue;
    const div = soleConsumer(graph, outputs, mul.outputs[0]!);
    if (!div || div.opType !== 'Div' || div.inputs[0] !== mul.outputs[0] || scalarOf(model, div.inputs[1]!) !== 6) continue;
    drop.add(add);
    drop.add(clip);
    drop.add(mul);
    const gate = `${div.outputs[0]}_gate`;
    added.set(div, {
      inputs: [y],
      outputs: [gate],
      name: gate,
      opType: 'HardSigmoid',
      domain: '',
      attributes: [floatAttribute('alpha', 1 / 6), floatAttribute('beta', 0.5)],
      rest: [],
    });
    div.opType = 'Mul';
    div.inputs = [y, gate];
    div.attributes = [];
    fused++;
  }
  model.nodes = model.nodes.filter((n) => !drop.has(n)).flatMap((n) => (added.has(n) ? [added.get(n)!, n] : [n]));
  return fused;
}

/** How many of each rewrite `foldedModel` made. */
export interface GraphFolds {
  affineAfterConvs: number;
  hardSwishes: number;
  affineBeforeConvs: number;
}

/**
 * The model's bytes with its affine blocks and hard-swishes folded (see above); the input and output names and
 * shapes are the model's own.
 *
 * @example
 * const { bytes } = foldedModel(await readFile(paths.detection));
 * const session = await ort.InferenceSession.create(bytes);
 */
export function foldedModel(original: Uint8Array): { bytes: Uint8Array; folds: GraphFolds } {
  const model = decodeModel(original);
  liftConstants(model);
  const affineAfterConvs = foldAffineAfterConvs(model);
  const hardSwishes = fuseHardSwish(model);
  const affineBeforeConvs = foldAffineBeforeConvs(model);
  // The weights and scalars replaced by folded ones (the runtime would warn of each unused one at every load).
  const used = new Set(model.nodes.flatMap((node) => node.inputs));
  for (const name of [...model.initializers.keys()]) if (!used.has(name)) model.initializers.delete(name);
  return { bytes: encodeModel(model), folds: { affineAfterConvs, hardSwishes, affineBeforeConvs } };
}
