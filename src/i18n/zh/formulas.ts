/**
 * The words inside the core's formulas, in Chinese, keyed by the formula line as the core writes it
 * (symbols stay: Cout, H'·W', k²). A formula line with English words and no entry here fails
 * src/i18n/formulas.test.ts, which harvests every line from real designs.
 */
export const formulas: Readonly<Record<string, string>> = {
  "(k·Cin·H·W + s·kh·kw·Cout·H′W′) / (Cin·kh·kw·Cout·H′W′), LCNN's own kernel":
    '(k·Cin·H·W + s·kh·kw·Cout·H′W′) / (Cin·kh·kw·Cout·H′W′)，LCNN 自己的核',
  '0: a 1×1, stride-1, unpadded conv is already a GEMM': '0：步长 1、无填充的 1×1 卷积本身就是 GEMM',
  '2 × input (outputs written and read)': '2 × 输入（输出的写入与读取）',
  '2 × shifted channels·H·W (the rest is not touched)': '2 × 移位通道数·H·W（其余通道不动）',
  '2·C (running mean, variance)': '2·C（滑动均值、方差）',
  'CSR column indices nnz + row pointers (rows + 1)': 'CSR 列索引 nnz + 行指针（行数 + 1）',
  'E[training] / inference = (f·Σp_l + rest) / (L·f + rest), Σp_l = L − (1 − p_L)(L + 1)/2':
    'E[训练] / 推理 = (f·Σp_l + 其余) / (L·f + 其余)，Σp_l = L − (1 − p_L)(L + 1)/2',
  'MAC / least MAC (1 when c1 = c2)': 'MAC / 最小 MAC（c1 = c2 时为 1）',
  'a view: no data moves': '视图：不搬运数据',
  'as exported, a dense Conv with the secondary filters written out: Cout·c·d²':
    '按导出形式，写出全部次级滤波器的稠密卷积：Cout·c·d²',
  'as exported, a dense Conv with the secondary filters written out: Cout·c·d² + Cout':
    '按导出形式，写出全部次级滤波器的稠密卷积：Cout·c·d² + Cout',
  "as exported: Cout·H'·W'·c·d²": "按导出形式：Cout·H'·W'·c·d²",
  "the paper's storage, primary filters only (each c×d×d, Fig. 2(b)): P·c·d² + Cout, P = Cout/(s·n), s = ⌈d/2⌉, n = δ/g + 1":
    '论文的存储量，只存主滤波器（每个 c×d×d，图 2(b)）：P·c·d² + Cout，P = Cout/(s·n)，s = ⌈d/2⌉，n = δ/g + 1',
  "the paper's storage, primary filters only (each c×d×d, Fig. 2(b)): P·c·d², P = Cout/(s·n), s = ⌈d/2⌉, n = δ/g + 1":
    '论文的存储量，只存主滤波器（每个 c×d×d，图 2(b)）：P·c·d²，P = Cout/(s·n)，s = ⌈d/2⌉，n = δ/g + 1',
  "as the paper counts them, each secondary filter over its own taps and its window of ĉ = c − δ channels from j·g: P·n·ĉ·Σᵢ(d − 2i)²·H'·W'":
    "按论文的计法，每个次级滤波器只算自己的抽头和从 j·g 起的 ĉ = c − δ 个通道窗口：P·n·ĉ·Σᵢ(d − 2i)²·H'·W'",
  'conv/FC memory access + bias': '卷积/全连接内存访问量 + 偏置',
  'MA(baseline) / MA(merged), conv1·BN·ReLU at HW/s², the pool and the Concat gone':
    'MA(基线) / MA(合并后)，conv1·BN·ReLU 在 HW/s² 上运行，池化与拼接去掉',
  'dictionary k·Cin + coefficients s·kh·kw·Cout': '字典 k·Cin + 系数 s·kh·kw·Cout',
  'dictionary k·Cin + coefficients s·kh·kw·Cout + Cout': '字典 k·Cin + 系数 s·kh·kw·Cout + Cout',
  "dictionary k·Cin·H·W + lookups s·kh·kw·Cout·H'·W'": "字典 k·Cin·H·W + 查找 s·kh·kw·Cout·H'·W'",
  'each input channel and each filter in exactly one of G groups, none empty; sizes may differ':
    '每个输入通道和每个滤波器恰属于 G 组之一，没有空组；各组大小可以不同',
  'effective / main = (C·C + (1 − z)·9·C·C) / (9·C·C) = 1/9 + (1 − z)':
    '有效 / 主卷积 = (C·C + (1 − z)·9·C·C) / (9·C·C) = 1/9 + (1 − z)',
  'expander / dense conv = Cout·D·k² / (Cout·C·k²) = D / C (the group conv with g = C/D: the same)':
    '扩展卷积 / 稠密卷积 = Cout·D·k² / (Cout·C·k²) = D / C（g = C/D 的分组卷积：相同）',
  'group convs (input + output + weights + bias) + gathers, split and concat (4·input + 4·output)':
    '分组卷积（输入 + 输出 + 权重 + 偏置）+ 收集、拆分与拼接（4·输入 + 4·输出）',
  'identity at inference': '推理时为恒等映射',
  "im2col buffer (Cin/g)·kh·kw × H'·W' (0 for a direct conv)":
    "im2col 缓冲区 (Cin/g)·kh·kw × H'·W'（直接卷积为 0）",
  'im2col buffer / input = (Cin·k·k·H′W′) / (Cin·H·W) = k² (0 for 1×1: already a GEMM)':
    'im2col 缓冲区 / 输入 = (Cin·k·k·H′W′) / (Cin·H·W) = k²（1×1 为 0：本身就是 GEMM）',
  "im2col buffer of one output's group, D·kh·kw × H'·W' (0 for a direct conv)":
    "一个输出通道那一组的 im2col 缓冲区，D·kh·kw × H'·W'（直接卷积为 0）",
  "im2col buffer of the exported conv, c·d² × H'·W' (0 for a direct conv)":
    "导出卷积的 im2col 缓冲区，c·d² × H'·W'（直接卷积为 0）",
  "im2col buffer of the largest group, max_g |in_g|·kh·kw × H'·W' (0 for a direct conv)":
    "最大一组的 im2col 缓冲区，max_g |in_g|·kh·kw × H'·W'（直接卷积为 0）",
  "im2col buffer of the lookup conv k·kh·kw × H'·W' (the 1×1 dictionary conv needs none)":
    "查找卷积的 im2col 缓冲区 k·kh·kw × H'·W'（1×1 字典卷积不需要）",
  'input + output + 2 × dictionary maps k·H·W + weights': '输入 + 输出 + 2 × 字典特征图 k·H·W + 权重',
  'input + output + 2·C': '输入 + 输出 + 2·C',
  'input + output + weights': '输入 + 输出 + 权重',
  'input + output + weights (as exported)': '输入 + 输出 + 权重（按导出形式）',
  'input + output + weights (the group convs)': '输入 + 输出 + 权重（各分组卷积）',
  'input + output + weights + bias': '输入 + 输出 + 权重 + 偏置',
  'input + output + weights + bias (as exported)': '输入 + 输出 + 权重 + 偏置（按导出形式）',
  'inputs + outputs': '输入 + 输出',
  'in·out': '输入·输出',
  'in·out + out': '输入·输出 + 输出',
  'k·Cin + Cout·k·kh·kw (as exported: the dense lookup weight)':
    'k·Cin + Cout·k·kh·kw（按导出形式：稠密的查找权重）',
  'k·Cin + Cout·k·kh·kw + Cout (as exported: the dense lookup weight)':
    'k·Cin + Cout·k·kh·kw + Cout（按导出形式：稠密的查找权重）',
  "k·Cin·H·W + Cout·k·kh·kw·H'·W' (as exported)": "k·Cin·H·W + Cout·k·kh·kw·H'·W'（按导出形式）",
  'level / full = (Σ 9·Cin·Cout·HW + c₃·K) at the level’s rounded widths / at width 1':
    '该层级 / 完整网络 = 按该层级取整后宽度的 (Σ 9·Cin·Cout·HW + c₃·K) / 宽度 1 时的值',
  'memory access of the sparse shift / the shift = 2·⌊f·C⌉·HW / (2·C·HW)':
    '稀疏移位的内存访问量 / 移位的内存访问量 = 2·⌊f·C⌉·HW / (2·C·HW)',
  'multiply-adds(w) / multiply-adds(1) = (Σ 9·Cin·Cout·HW + c₃·K) at the rounded widths / at width 1':
    '乘加数(w) / 乘加数(1) = 按取整后宽度的 (Σ 9·Cin·Cout·HW + c₃·K) / 宽度 1 时的值',
  'nnz (CSR values)': 'nnz（CSR 数值）',
  'nnz + bias (CSR values)': 'nnz + 偏置（CSR 数值）',
  "nnz·H'W' / (Cout·Cin·k²·H'W') = nnz / weights, nnz = round(d · weights)":
    "nnz·H'W' / (Cout·Cin·k²·H'W') = nnz / 权重数，nnz = round(d · 权重数)",
  'none (the input is given)': '无（输入是给定的）',
  'not analysed (opaque op)': '不分析（不透明算子）',
  'one lookup index (an integer below k) per coefficient: s·kh·kw·Cout':
    '每个系数一个查找索引（小于 k 的整数）：s·kh·kw·Cout',
  'shift block / 3×3 conv = 2·C·⌊C·e⌋ / (9·C·C)': '移位模块 / 3×3 卷积 = 2·C·⌊C·e⌋ / (9·C·C)',
  'tree / whole = (Σ_i 9·Cin·Cout/g_i + Σ 2·C + C·K/4 + K) / params, g_i = 1 up to k, 2 at k+1, 4 after':
    '树形 / 拆分前 = (Σ_i 9·Cin·Cout/g_i + Σ 2·C + C·K/4 + K) / 参数量，g_i 在 k 及之前为 1，k+1 处为 2，之后为 4',
  'effective = cost(LCCL) + (1 − z)·cost(main)': '有效代价 = 代价(LCCL) + (1 − z)·代价(主卷积)',
  'expected training multiply-adds = Σ p_l·cost(f_l) + outside the residual branches':
    '训练时的期望乘加数 = Σ p_l·代价(f_l) + 残差分支之外的部分',
  'inference multiply-adds (every block runs; inference runs every block unscaled: x + f(x))':
    '推理乘加数（每个模块都运行；推理时每个模块都不缩放地运行：x + f(x)）',
  'p_l = 1 − (l/L)·(1 − p_L), unless set for the block': 'p_l = 1 − (l/L)·(1 − p_L)，除非为该模块单独设定',
  'Σ_g |in_g|·|out_g| / (C·N/G): FLGC over the equal group conv':
    'Σ_g |in_g|·|out_g| / (C·N/G)：FLGC 相对等分分组卷积',
};
