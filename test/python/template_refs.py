"""How a construct shows up in a template: its logical id, `Ref` and `Fn::GetAtt`."""

from typing import Any, Dict

import aws_cdk
from constructs import IConstruct


def logical_id(stack: aws_cdk.Stack, construct: IConstruct) -> str:
    """The logical id of a CloudFormation element, or of a construct's default child."""
    element = construct if isinstance(construct, aws_cdk.CfnElement) else construct.node.default_child
    assert isinstance(element, aws_cdk.CfnElement), f"{construct.node.path} has no CloudFormation element"
    return stack.get_logical_id(element)


def ref(stack: aws_cdk.Stack, construct: IConstruct) -> Dict[str, Any]:
    return {"Ref": logical_id(stack, construct)}


def get_att(stack: aws_cdk.Stack, construct: IConstruct, attribute: str) -> Dict[str, Any]:
    return {"Fn::GetAtt": [logical_id(stack, construct), attribute]}

